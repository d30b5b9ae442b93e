package dev.rustlens.web;

import dev.rustlens.gitrepo.GitRepository;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One option of a filter's select, with whether it is the one chosen. Decided here rather than
 * in the template: Qute looks a name used inside a loop up on the loop's element before the page's
 * data, through every value resolver, and a comparison with the page's filter in a loop of 1,580
 * crates was most of the findings page's time.
 *
 * @param value what the form sends
 * @param label what the option shows
 * @param selected whether it is the filter's current value
 */
public record Choice(String value, String label, boolean selected) {

    /** Options of {@code items}, the one whose value equals {@code chosen} (may be null) selected. */
    public static <T> List<Choice> of(List<T> items, Function<T, String> value, Function<T, String> label,
            String chosen) {
        return items.stream().map(item -> {
            String itemValue = value.apply(item);
            return new Choice(itemValue, label.apply(item), Objects.equals(itemValue, chosen));
        }).toList();
    }

    /** Options of repositories by name, the one with id {@code chosen} (may be null) selected. */
    public static List<Choice> ofRepositories(List<GitRepository.Named> repositories, Long chosen) {
        return of(repositories, repository -> Long.toString(repository.id()), GitRepository.Named::name,
                chosen == null ? null : Long.toString(chosen));
    }

    /** Options of strings shown as they are sent. */
    public static List<Choice> of(List<String> values, String chosen) {
        return of(values, Function.identity(), Function.identity(), chosen);
    }
}
