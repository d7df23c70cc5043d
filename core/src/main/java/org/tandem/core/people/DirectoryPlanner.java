package org.tandem.core.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;

/**
 * Plans a directory file against the directory as it is: each line is checked by {@link
 * DirectoryRules}, then managers are resolved (in the file or already in Tandem) and the manager
 * chains that would result are searched for loops, the file and the existing data together. A line
 * that fails is left out with its reason; leaving it out may leave another line's manager missing,
 * so resolution repeats until nothing more fails. Pure Java over maps, so that 100,000 lines plan
 * in well under a second.
 */
final class DirectoryPlanner {

  private DirectoryPlanner() {}

  /** A person already in the directory. */
  record Existing(
      long id,
      String email,
      String name,
      String site,
      String department,
      String country,
      Long managerId) {

    /** The person's key: their email in lower case, or their id when they have none. */
    String node() {
      return email == null ? "#" + id : email.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What a line sets, resolved: the person's final values; {@code id} null for a new person; {@code
   * managerChanged} when the line sets a manager (by lower-case email, null for none) that differs
   * from the present one.
   */
  record Change(
      int line,
      Long id,
      String email,
      String name,
      String site,
      String department,
      String country,
      boolean managerChanged,
      String managerEmail) {}

  record Planned(
      List<Change> adds,
      List<Change> updates,
      int unchanged,
      List<DirectoryPlan.LineError> errors) {}

  /** A line that passed its own checks, with the manager it asks for. */
  private record Candidate(
      DirectoryRow row,
      String key,
      String email,
      Existing existing,
      String name,
      String site,
      String department,
      String country,
      boolean managerGiven,
      String managerKey,
      String managerTyped) {}

  static Planned plan(List<Existing> existing, List<DirectoryRow> rows) {
    Map<String, Existing> byNode = new HashMap<>(existing.size() * 2);
    Map<Long, Existing> byId = new HashMap<>(existing.size() * 2);
    for (Existing e : existing) {
      byNode.put(e.node(), e);
      byId.put(e.id(), e);
    }
    Map<Integer, Refusal> errors = new TreeMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    List<Candidate> candidates = new ArrayList<>(rows.size());
    for (DirectoryRow row : rows) {
      String email = DirectoryRules.email(row.email());
      if (email == null) {
        errors.put(row.line(), Refusal.on("email", ReasonCode.EMAIL_MISSING));
        continue;
      }
      if (!DirectoryRules.validEmail(email)) {
        errors.put(row.line(), Refusal.on("email", ReasonCode.EMAIL_INVALID, email));
        continue;
      }
      String key = email.toLowerCase(Locale.ROOT);
      Integer first = firstLine.putIfAbsent(key, row.line());
      if (first != null) {
        errors.put(
            row.line(),
            Refusal.on("email", ReasonCode.EMAIL_DUPLICATE, email, String.valueOf(first)));
        continue;
      }
      Existing ex = byNode.get(key);
      Optional<Refusal> wrong = lineRefusal(row, ex);
      if (wrong.isPresent()) {
        errors.put(row.line(), wrong.get());
        continue;
      }
      String name = DirectoryRules.text(row.name());
      String managerTyped = DirectoryRules.email(row.managerEmail());
      boolean managerGiven = row.managerEmail() != null;
      String managerKey;
      if (managerGiven) {
        managerKey = managerTyped == null ? null : managerTyped.toLowerCase(Locale.ROOT);
      } else {
        managerKey = ex == null || ex.managerId() == null ? null : nodeOf(byId, ex.managerId());
      }
      if (managerGiven && key.equals(managerKey)) {
        errors.put(row.line(), Refusal.on("manager", ReasonCode.SELF_MANAGER));
        continue;
      }
      candidates.add(
          new Candidate(
              row,
              key,
              email,
              ex,
              name != null ? name : ex.name(),
              given(row.site(), ex == null ? null : ex.site()),
              given(row.department(), ex == null ? null : ex.department()),
              row.country() != null
                  ? DirectoryRules.country(row.country())
                  : ex == null ? null : ex.country(),
              managerGiven,
              managerKey,
              managerTyped));
    }
    Map<String, Candidate> live = resolve(candidates, errors, byNode, byId);
    return classify(live, errors, byId);
  }

  /** The checks of one line on its own: name, lengths, country. */
  private static Optional<Refusal> lineRefusal(DirectoryRow row, Existing ex) {
    String name = DirectoryRules.text(row.name());
    if (name != null && name.length() > DirectoryRules.MAX_NAME) {
      return Optional.of(Refusal.on("name", ReasonCode.VALUE_TOO_LONG, DirectoryRules.MAX_NAME));
    }
    if (name == null && ex == null) {
      return Optional.of(Refusal.on("name", ReasonCode.NAME_MISSING));
    }
    return DirectoryRules.check(
        new DirectoryRules.Workplace(
            DirectoryRules.text(row.site()),
            DirectoryRules.text(row.department()),
            DirectoryRules.country(row.country())));
  }

  private static String given(String cell, String kept) {
    return cell == null ? kept : DirectoryRules.text(cell);
  }

  private static String nodeOf(Map<Long, Existing> byId, long id) {
    Existing m = byId.get(id);
    return m == null ? null : m.node();
  }

  /**
   * Leaves out the lines whose manager is nowhere and the lines that would close a loop of
   * managers, again and again until every remaining line holds.
   */
  private static Map<String, Candidate> resolve(
      List<Candidate> candidates,
      Map<Integer, Refusal> errors,
      Map<String, Existing> byNode,
      Map<Long, Existing> byId) {
    while (true) {
      Map<String, Candidate> live = new HashMap<>(candidates.size() * 2);
      for (Candidate c : candidates) {
        if (!errors.containsKey(c.row().line())) {
          live.put(c.key(), c);
        }
      }
      boolean failed = false;
      for (Candidate c : live.values()) {
        if (c.managerKey() != null
            && !live.containsKey(c.managerKey())
            && !byNode.containsKey(c.managerKey())) {
          errors.put(
              c.row().line(),
              Refusal.on("manager", ReasonCode.MANAGER_NOT_FOUND, c.managerTyped()));
          failed = true;
        }
      }
      if (!failed) {
        failed = leaveOutLoops(live, errors, byNode, byId);
      }
      if (!failed) {
        return live;
      }
    }
  }

  /**
   * Walks every chain of managers from the file's people once (a node is never walked twice); a
   * walk that comes back onto itself is a loop, and each line of the file that sets a manager on it
   * is left out. Loops among people the file does not touch are not the file's doing.
   */
  private static boolean leaveOutLoops(
      Map<String, Candidate> live,
      Map<Integer, Refusal> errors,
      Map<String, Existing> byNode,
      Map<Long, Existing> byId) {
    Map<String, Integer> state = new HashMap<>(live.size() * 2);
    boolean found = false;
    for (String start : live.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      Map<String, Integer> onPath = new HashMap<>();
      List<String> path = new ArrayList<>();
      String node = start;
      while (node != null && !state.containsKey(node)) {
        state.put(node, 1);
        onPath.put(node, path.size());
        path.add(node);
        node = next(node, live, byNode, byId);
      }
      if (node != null && onPath.containsKey(node)) {
        for (String n : path.subList(onPath.get(node), path.size())) {
          Candidate c = live.get(n);
          if (c != null && c.managerGiven()) {
            errors.put(
                c.row().line(),
                Refusal.on("manager", ReasonCode.MANAGER_LOOP_IN_FILE, c.managerTyped()));
            found = true;
          }
        }
      }
      for (String n : path) {
        state.put(n, 2);
      }
    }
    return found;
  }

  private static String next(
      String node,
      Map<String, Candidate> live,
      Map<String, Existing> byNode,
      Map<Long, Existing> byId) {
    Candidate c = live.get(node);
    if (c != null) {
      return c.managerKey();
    }
    Existing e = byNode.get(node);
    return e == null || e.managerId() == null ? null : nodeOf(byId, e.managerId());
  }

  private static Planned classify(
      Map<String, Candidate> live, Map<Integer, Refusal> errors, Map<Long, Existing> byId) {
    List<Candidate> ordered = new ArrayList<>(live.values());
    ordered.sort(java.util.Comparator.comparingInt(c -> c.row().line()));
    List<Change> adds = new ArrayList<>();
    List<Change> updates = new ArrayList<>();
    int unchanged = 0;
    for (Candidate c : ordered) {
      Existing ex = c.existing();
      String presentManager =
          ex == null || ex.managerId() == null ? null : nodeOf(byId, ex.managerId());
      boolean managerChanged = c.managerGiven() && !Objects.equals(c.managerKey(), presentManager);
      Change change =
          new Change(
              c.row().line(),
              ex == null ? null : ex.id(),
              c.email(),
              c.name(),
              c.site(),
              c.department(),
              c.country(),
              managerChanged || (ex == null && c.managerKey() != null),
              c.managerKey());
      if (ex == null) {
        adds.add(change);
      } else if (managerChanged
          || !Objects.equals(c.name(), ex.name())
          || !Objects.equals(c.site(), ex.site())
          || !Objects.equals(c.department(), ex.department())
          || !Objects.equals(c.country(), ex.country())) {
        updates.add(change);
      } else {
        unchanged++;
      }
    }
    List<DirectoryPlan.LineError> lineErrors = new ArrayList<>();
    errors.forEach((line, r) -> lineErrors.add(new DirectoryPlan.LineError(line, r)));
    return new Planned(adds, updates, unchanged, lineErrors);
  }
}
