package org.tandem.core.skills;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.core.text.SearchText;

/**
 * The skill taxonomy, read from the database once on first use (it changes only by migration), and
 * the look-up of skills named in free text.
 */
@Component
public class SkillTaxonomy {

  /** The longest synonym, in words, tried when scanning a sentence. */
  private static final int MAX_TERM_WORDS = 4;

  private final JdbcClient jdbc;
  private volatile Loaded loaded;

  SkillTaxonomy(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Loaded(
      List<SkillFamily> families, Map<String, Skill> byCode, Map<String, List<String>> synonyms) {}

  private Loaded loaded() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        if (loaded == null) {
          loaded = load();
        }
        l = loaded;
      }
    }
    return l;
  }

  private Loaded load() {
    Map<String, Skill> byCode = new LinkedHashMap<>();
    Map<String, List<Skill>> byFamily = new LinkedHashMap<>();
    jdbc.sql(
            "select code, family, label_fr, label_en, label_de from skill order by family, position")
        .query(
            (rs, n) ->
                new Skill(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list()
        .forEach(
            s -> {
              byCode.put(s.code(), s);
              byFamily.computeIfAbsent(s.family(), f -> new ArrayList<>()).add(s);
            });
    List<SkillFamily> families =
        jdbc.sql("select code, label_fr, label_en, label_de from skill_family order by position")
            .query(
                (rs, n) ->
                    new SkillFamily(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        List.copyOf(byFamily.getOrDefault(rs.getString(1), List.of()))))
            .list();
    Map<String, List<String>> synonyms = new HashMap<>();
    jdbc.sql("select term, skill from skill_synonym order by term, skill")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .forEach(
            e ->
                synonyms
                    .computeIfAbsent(SearchText.fold(e.getKey()), t -> new ArrayList<>())
                    .add(e.getValue()));
    for (Skill s : byCode.values()) {
      for (String label : List.of(s.code().replace('_', ' '), s.fr(), s.en(), s.de())) {
        List<String> codes =
            synonyms.computeIfAbsent(SearchText.fold(label), t -> new ArrayList<>());
        if (!codes.contains(s.code())) {
          codes.add(s.code());
        }
      }
    }
    return new Loaded(List.copyOf(families), Map.copyOf(byCode), Map.copyOf(synonyms));
  }

  public List<SkillFamily> families() {
    return loaded().families();
  }

  public Collection<Skill> all() {
    return loaded().byCode().values();
  }

  public Optional<Skill> skill(String code) {
    return Optional.ofNullable(loaded().byCode().get(code));
  }

  public boolean isKnown(String code) {
    return loaded().byCode().containsKey(code);
  }

  /** The label of a skill in the given language, or the code when unknown. */
  public String label(String code, Locale locale) {
    return skill(code).map(s -> s.label(locale)).orElse(code);
  }

  /**
   * The skills a text names, in the order they appear: "excel et compta" gives spreadsheets and
   * accounting. Longer terms win over the words inside them ("permis b" over "permis"). Terms of
   * one or two letters count only when they are the whole text.
   */
  public Set<String> find(String text) {
    String[] words = SearchText.fold(text).split(" ");
    Map<String, List<String>> synonyms = loaded().synonyms();
    Set<String> found = new LinkedHashSet<>();
    int i = 0;
    while (i < words.length) {
      int matched = 0;
      for (int n = Math.min(MAX_TERM_WORDS, words.length - i); n >= 1; n--) {
        String term = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n));
        List<String> codes = synonyms.get(term);
        // Two-letter terms ("rh", "ai", "ux") count only alone: in a sentence they are too often
        // part of another word once accents and apostrophes are folded ("j'ai" becomes "j ai").
        if (codes != null && (term.length() > 2 || words.length == 1)) {
          found.addAll(codes);
          matched = n;
          break;
        }
      }
      i += Math.max(1, matched);
    }
    return found;
  }
}
