// End-to-end: the try-it chat in Debian's headless Chromium, driven by playwright-core.
// Usage: node try-chat.mjs <base url> <screenshot dir>
// Runs the discover -> commit -> log hours -> my year loop in English, then in French, then a
// CSR manager's report with its chart and CSV.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, shots] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update',
         '--no-first-run', '--disable-sync', '--disable-quic'],
});
const MISSION = 'Tenir la comptabilité';

function fail(message) { throw new Error(message); }

async function lastReply(page) {
  return page.locator('#log .reply').last();
}

async function send(page, text) {
  const before = await page.locator('#log .reply').count();
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
  await page.waitForFunction(n => document.querySelectorAll('#log .reply').length > n, before);
  return lastReply(page);
}

async function click(page, button) {
  const before = await page.locator('#log .reply').count();
  await button.click();
  await page.waitForFunction(n => document.querySelectorAll('#log .reply').length > n, before);
  return lastReply(page);
}

async function loop(page, who, lang, ask, log, year, expect) {
  await page.click(`.person[data-handle="${who}"]`);
  await page.waitForSelector('#log .reply');
  await page.click(`#langs button[data-lang="${lang}"]`);
  let reply = await send(page, ask);
  let card = null;
  for (let i = 0; i < 4 && !card; i++) {
    const match = reply.locator('.card', { hasText: MISSION });
    if (await match.count() > 0) { card = match.first(); break; }
    const more = reply.locator('button.more');
    if (await more.count() === 0) break;
    reply = await click(page, more.first());
  }
  if (!card) fail(`${who}: "${MISSION}" not proposed for "${ask}"`);
  const text = await card.innerText();
  if (!text.includes('km')) fail(`${who}: no distance in the reason: ${text}`);
  reply = await click(page, card.locator('button[data-action="mission.commit"]'));
  if (!(await reply.innerText()).includes(expect.committed)) fail(`${who}: commit said ${await reply.innerText()}`);
  reply = await send(page, log);
  if (!(await reply.innerText()).includes(expect.logged)) fail(`${who}: logging said ${await reply.innerText()}`);
  reply = await send(page, year);
  const yearText = await reply.innerText();
  if (!yearText.includes(expect.year)) fail(`${who}: my year said ${yearText}`);
  console.log(`${who} (${lang}): proposed, committed, logged, year shows "${expect.year}"`);
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base, { waitUntil: 'networkidle' });
  await page.waitForSelector('.person[data-handle="david.reuter"]');

  await loop(page, 'david.reuter', 'en', 'missions near Esch-sur-Alzette', 'log 2h yesterday for the épicerie', 'my year',
    { committed: "You're in", logged: 'Logged 2 h', year: 'Waiting for approval' });
  await page.screenshot({ path: `${shots}/try-chat-en.png`, fullPage: false });

  await loop(page, 'nathalie.kieffer', 'fr', "missions près d'Esch-sur-Alzette", "j'ai fait 3 h hier", 'mon année',
    { committed: "C'est noté", logged: '3\u00a0h déclarées', year: 'En attente de validation' });
  await page.screenshot({ path: `${shots}/try-chat-fr.png`, fullPage: false });

  // Forms render and keep input: the profile form with a wrong town shows the error on the field.
  await send(page, 'profil');
  const form = page.locator('#log form[data-form="profile"]').last();
  await form.locator('input[name="place"]').fill('Atlantis');
  await click(page, form.locator('button[type="submit"]'));
  const errorText = await page.locator('#log .reply').last().locator('.field.invalid .error').first().innerText();
  if (!errorText.includes('Atlantis')) fail(`profile error was: ${errorText}`);
  console.log('profile form: error shown on the place field');
  await page.screenshot({ path: `${shots}/try-chat.png`, fullPage: false });

  // A CSR manager's report: the card, the chart drawn in the page, the CSV downloadable.
  await page.click('.person[data-handle="sophie.muller"]');
  await page.waitForSelector('#log .reply');
  await page.click('#langs button[data-lang="en"]');
  const report = await send(page, 'report this year by site');
  const reportText = await report.innerText();
  if (!reportText.includes('Volunteering report')) fail(`report said ${reportText}`);
  const chart = report.locator('figure.file img');
  await chart.waitFor();
  await page.waitForFunction(img => img.complete && img.naturalWidth > 0, await chart.elementHandle());
  const width = await chart.evaluate(img => img.naturalWidth);
  if (width !== 960) fail(`chart is ${width} px wide`);
  const csvHref = await report.locator('div.file a[href$=".csv"]').getAttribute('href');
  const [bom, csv] = await page.evaluate(async href => {
    const bytes = new Uint8Array(await (await fetch(href)).arrayBuffer());
    return [Array.from(bytes.slice(0, 3)), new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3))];
  }, csvHref);
  if (bom.join(',') !== '239,187,191') fail(`CSV has no UTF-8 byte order mark: ${bom}`);
  if (!csv.startsWith('Group (site),Volunteers')) fail(`CSV starts with ${csv.slice(0, 40)}`);
  console.log('report: card, chart (960 px) and CSV');
  // The workbook beside it, downloaded as the page offers it; the Java test reads it back.
  const xlsxHref = await report.locator('div.file a[href$=".xlsx"]').getAttribute('href');
  const xlsx = await page.evaluate(async href => Array.from(new Uint8Array(await (await fetch(href)).arrayBuffer())), xlsxHref);
  if (xlsx[0] !== 0x50 || xlsx[1] !== 0x4b) fail(`XLSX is not a zip: ${xlsx.slice(0, 4)}`);
  writeFileSync(`${shots}/try-chat-report.xlsx`, Buffer.from(xlsx));
  console.log('report: XLSX downloaded');
  await report.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/try-chat-report.png`, fullPage: false });

  // An empty company of one's own: its installer walks the setup checklist to a first report.
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await fresh.goto(base, { waitUntil: 'networkidle' });
  await fresh.click('#langs button[data-lang="en"]');
  await fresh.click('#company');
  await fresh.waitForSelector('#log .reply');
  let setup = await lastReply(fresh);
  let text = await setup.innerText();
  if (!text.includes('Setting up Tandem at Example Ltd') || !text.includes('0 of 5 steps done')) fail(`checklist said ${text}`);
  // 1. The policy, in its form: 40 h a year, 45 EUR an hour.
  let reply = await click(fresh, setup.locator('button[data-action="policy.edit"]'));
  const policy = reply.locator('form[data-form="policy"]');
  await policy.locator('input[name="allowance"]').fill('40');
  await policy.locator('input[name="rate"]').fill('45');
  reply = await click(fresh, policy.locator('button[type="submit"]'));
  if (!(await reply.innerText()).includes('Policy saved')) fail(`policy said ${await reply.innerText()}`);
  // 2. No directory for now: skipped.
  reply = await send(fresh, 'admin setup');
  reply = await click(fresh, reply.locator('button[data-action="setup.skipDirectory"]'));
  text = await reply.innerText();
  if (!text.includes('Directory skipped') || !text.includes('2 of 5 steps done')) fail(`skipping said ${text}`);
  // 5. The announcement, ready to copy.
  reply = await click(fresh, reply.locator('button[data-action="setup.announce"]'));
  if (!(await reply.innerText()).includes('Example Ltd now offers skills-based volunteering')) fail(`announcement said ${await reply.innerText()}`);
  console.log('empty company: checklist, policy, directory skipped, announcement');
  // 3. The first association, from the checklist's button, in its form.
  reply = await send(fresh, 'admin setup');
  reply = await click(fresh, reply.locator('button[data-action="form.open"]', { hasText: 'New association' }));
  const association = reply.locator('form[data-form="association"]');
  await association.locator('input[name="name"]').fill("Épicerie solidaire d'Esch");
  await association.locator('input[name="place"]').fill('Esch-sur-Alzette');
  await association.locator('input[name="causes"][value="FOOD_AID"]').check();
  reply = await click(fresh, association.locator('button[type="submit"]').first());
  if (!(await reply.innerText()).includes("Épicerie solidaire d'Esch")) fail(`association said ${await reply.innerText()}`);
  // 4. The first mission, in its form, with that association.
  reply = await send(fresh, 'admin setup');
  reply = await click(fresh, reply.locator('button[data-action="form.open"]', { hasText: 'New mission' }));
  const mission = reply.locator('form[data-form="mission"]');
  await mission.locator('select[name="association"]').selectOption({ label: "Épicerie solidaire d'Esch" });
  await mission.locator('input[name="title"]').fill('Keep the books of the food bank');
  await mission.locator('input[name="skills"][value="accounting"]').check();
  await mission.locator('input[name="place"]').fill('Esch-sur-Alzette');
  await mission.locator('input[name="firstDate"]').fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Luxembourg' }).format(new Date()));
  await mission.locator('input[name="hoursPerSession"]').fill('2');
  await mission.locator('input[name="capacity"]').fill('5');
  reply = await click(fresh, mission.locator('button[type="submit"]').first());
  if (!(await reply.innerText()).includes('Keep the books of the food bank')) fail(`mission said ${await reply.innerText()}`);
  reply = await send(fresh, 'admin setup');
  if (!(await reply.innerText()).includes('5 of 5 steps done')) fail(`checklist said ${await reply.innerText()}`);
  console.log('empty company: association and mission in their forms, 5 of 5 steps done');
  // The first report: the rate set, no demo data in it.
  reply = await send(fresh, 'report this year by site');
  text = await reply.innerText();
  if (!text.includes('Volunteering report') || !text.includes('Example Ltd') || !text.includes('€45')) fail(`first report said ${text}`);
  if (text.includes('No hourly rate set yet')) fail(`first report has no rate: ${text}`);
  await fresh.screenshot({ path: `${shots}/try-chat-empty-company.png`, fullPage: false });
  console.log('empty company: first report');

  // A phone, 420 px wide: nothing sticks out sideways, the people and the message box are at hand.
  const phone = await browser.newPage({ viewport: { width: 420, height: 860 } });
  await phone.goto(base, { waitUntil: 'networkidle' });
  await phone.click('.person[data-handle="david.reuter"]');
  await phone.waitForSelector('#log .reply');
  await phone.click('#langs button[data-lang="fr"]');
  await send(phone, "missions près d'Esch-sur-Alzette");
  await send(phone, 'mon profil');
  const overflow = await phone.evaluate(() => {
    const wide = [document.documentElement, document.body, document.querySelector('main'), document.getElementById('log')]
      .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.tagName + '#' + el.id + ' ' + el.scrollWidth);
    const box = document.getElementById('text').getBoundingClientRect();
    const log = document.getElementById('log').getBoundingClientRect();
    return { wide, inputRight: box.right, inputWidth: box.width, logWidth: log.width };
  });
  if (overflow.wide.length) fail(`420 px: wider than the screen: ${overflow.wide.join(', ')}`);
  if (overflow.inputRight > 420 || overflow.inputWidth < 200) fail(`420 px: message box at ${JSON.stringify(overflow)}`);
  if (overflow.logWidth < 400) fail(`420 px: the conversation is only ${overflow.logWidth} px wide`);
  await phone.screenshot({ path: `${shots}/try-chat-420.png`, fullPage: false });
  console.log('420 px: no horizontal overflow, conversation full width');
} finally {
  await browser.close();
}
