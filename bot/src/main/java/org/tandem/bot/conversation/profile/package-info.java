/** First-time onboarding and editing the volunteering profile the matcher reads. */
package org.tandem.bot.conversation.profile;
