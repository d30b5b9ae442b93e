package dev.rustlens.analysis.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a repository's CI runs: its CI configurations, and, followed from the commands they hold,
 * the repository's own scripts, Makefile and justfile targets, xtask sources and local GitHub
 * actions, which call one another in turn (up to {@link #MAX_DEPTH} steps). Checks look in these
 * texts for the tools CI runs (Miri, fuzzers, sanitizers) where a workflow only says
 * {@code ./ci/test.sh} or {@code make check}.
 */
public final class CiCommands {

    /** Steps from a CI configuration: a workflow that calls a script that calls a Makefile target ... */
    static final int MAX_DEPTH = 4;

    /** A script of the repository named in a command: {@code ./ci/miri.sh}, {@code bash scripts/test.sh}. */
    private static final Pattern SCRIPT = Pattern.compile(
            "(?<![\\w./-])(?:\\./)?((?:[\\w.-]+/)*[\\w.-]+\\.(?:sh|bash|py|ps1|pl|rb))(?![\\w/-])");
    /** An extension-less executable of the repository: {@code ./ci/run-miri}. */
    private static final Pattern EXECUTABLE = Pattern.compile("(?<![\\w./-])\\./((?:[\\w.-]+/)*[\\w-]+)(?![\\w./-])");
    /** {@code make miri}, {@code make -C sub check}, {@code make -f other.mk ci}: the makefile and its targets. */
    private static final Pattern MAKE = Pattern.compile("\\bmake((?:\\s+-[Cf]\\s*\\S+|\\s+-\\w+)*)((?:\\s+[\\w.-]+)*)");
    /** {@code just miri}, {@code just --justfile x ci}: the recipes. */
    private static final Pattern JUST = Pattern.compile("\\bjust((?:\\s+--?[\\w-]+(?:[ =]\\S+)?)*)((?:\\s+[\\w.-]+)*)");
    /** {@code cargo xtask ..}, {@code cargo run -p xtask ..}: the repository's own build tool. */
    private static final Pattern XTASK = Pattern.compile("\\bcargo\\s+(?:\\+\\S+\\s+)?(?:xtask\\b|run\\b[^\\n]*\\bxtask\\b)");
    /** {@code uses: ./.github/actions/miri}: a local composite action. */
    private static final Pattern LOCAL_ACTION = Pattern.compile("\\buses:\\s*['\"]?\\./([\\w./-]+?)/?['\"]?\\s*$");
    /** A YAML or shell comment: {@code #} at the start of a line or after a space. */
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*");

    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Set<String> repositoryPaths;
    private final Function<String, Optional<String>> reader;
    /** Recipe texts read out of Makefiles and justfiles, under {@code file#recipe}. */
    private final Map<String, String> recipeTexts = new LinkedHashMap<>();

    private CiCommands(Set<String> repositoryPaths, Function<String, Optional<String>> reader) {
        this.repositoryPaths = repositoryPaths;
        this.reader = reader;
    }

    /**
     * The texts CI runs, by repository path: the configurations, then what they call.
     *
     * @param configurations the CI configurations (path to text)
     * @param repositoryPaths every file of the repository
     * @param reader reads a repository file's text, when it exists and is small enough
     */
    public static Map<String, String> reachable(Map<String, String> configurations, Set<String> repositoryPaths,
            Function<String, Optional<String>> reader) {
        CiCommands commands = new CiCommands(repositoryPaths, reader);
        Deque<Step> pending = new ArrayDeque<>();
        configurations.forEach((path, text) -> pending.add(new Step(path, text, 0)));
        while (!pending.isEmpty()) {
            Step step = pending.poll();
            if (commands.texts.putIfAbsent(step.path(), step.text()) != null || step.depth() >= MAX_DEPTH) {
                continue;
            }
            for (String called : commands.calledFrom(step.text())) {
                if (!commands.texts.containsKey(called)) {
                    commands.read(called).ifPresent(text -> pending.add(new Step(called, text, step.depth() + 1)));
                }
            }
        }
        return commands.texts;
    }

    private Optional<String> read(String path) {
        String recipe = recipeTexts.get(path);
        return recipe != null ? Optional.of(recipe) : reader.apply(path);
    }

    /** The lines of a text without their comments: what runs. */
    public static List<String> commandLines(String text) {
        return text.lines().map(line -> COMMENT.matcher(line).replaceFirst("")).toList();
    }

    private record Step(String path, String text, int depth) {
    }

    /** The repository files a text's commands call. */
    private List<String> calledFrom(String text) {
        List<String> called = new ArrayList<>();
        for (String line : commandLines(text)) {
            Matcher script = SCRIPT.matcher(line);
            while (script.find()) {
                addIfPresent(script.group(1), called);
            }
            Matcher executable = EXECUTABLE.matcher(line);
            while (executable.find()) {
                addIfPresent(executable.group(1), called);
            }
            Matcher make = MAKE.matcher(line);
            if (make.find()) {
                called.addAll(makeTargets(make.group(1), words(make.group(2))));
            }
            Matcher just = JUST.matcher(line);
            if (just.find()) {
                called.addAll(justRecipes(words(just.group(2))));
            }
            if (XTASK.matcher(line).find()) {
                repositoryPaths.stream().filter(path -> path.startsWith("xtask/") && path.endsWith(".rs"))
                        .sorted().forEach(called::add);
            }
            Matcher action = LOCAL_ACTION.matcher(line);
            if (action.find()) {
                addIfPresent(action.group(1) + "/action.yml", called);
                addIfPresent(action.group(1) + "/action.yaml", called);
            }
        }
        return called;
    }

    private void addIfPresent(String path, List<String> called) {
        if (repositoryPaths.contains(path)) {
            called.add(path);
        }
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    /**
     * The recipes of the named targets (and of the targets they depend on), each as a text of its
     * own under the path {@code makefile#target}; with no target named, the first one.
     */
    private List<String> makeTargets(String options, List<String> targets) {
        String directory = "";
        String file = null;
        Matcher option = Pattern.compile("-([Cf])\\s*(\\S+)").matcher(options);
        while (option.find()) {
            if (option.group(1).equals("C")) {
                directory = option.group(2).replaceAll("^\\./|/$", "") + "/";
            } else {
                file = option.group(2).replaceAll("^\\./", "");
            }
        }
        List<String> makefiles = file != null ? List.of(directory + file)
                : List.of(directory + "GNUmakefile", directory + "makefile", directory + "Makefile");
        for (String makefile : makefiles) {
            Optional<String> text = reader.apply(makefile);
            if (text.isPresent()) {
                return recipes(makefile, text.get(), targets, Pattern.compile("^([\\w./%-]+(?:\\s+[\\w./%-]+)*)\\s*:(?!=)(.*)$"));
            }
        }
        return List.of();
    }

    private List<String> justRecipes(List<String> recipes) {
        for (String justfile : List.of("justfile", "Justfile", ".justfile")) {
            Optional<String> text = reader.apply(justfile);
            if (text.isPresent()) {
                return recipes(justfile, text.get(), recipes,
                        Pattern.compile("^@?([\\w-]+)(?:\\s+[^:=]*)?\\s*:(?!=)(.*)$"));
            }
        }
        return List.of();
    }

    /**
     * Splits a Makefile or justfile into its recipes, each kept as a text under
     * {@code file#name}, and returns the paths of the named ones and their dependencies.
     */
    private List<String> recipes(String file, String text, List<String> names, Pattern header) {
        Map<String, String> bodies = new LinkedHashMap<>();
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.lines().toList()) {
            Matcher matcher = header.matcher(line);
            boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
            if (!indented && matcher.matches()) {
                if (current != null) {
                    bodies.put(current, body.toString());
                }
                current = matcher.group(1).split("\\s+")[0];
                dependencies.put(current, words(matcher.group(2).replaceAll("[|;].*", "")));
                body.setLength(0);
            } else if (current != null && indented) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            bodies.put(current, body.toString());
        }
        List<String> wanted = new ArrayList<>(names.isEmpty() ? bodies.keySet().stream().limit(1).toList() : names);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < wanted.size() && i < 64; i++) {
            String name = wanted.get(i);
            String recipe = bodies.get(name);
            if (recipe == null) {
                continue;
            }
            String path = file + "#" + name;
            if (!paths.contains(path)) {
                paths.add(path);
                recipeTexts.put(path, recipe);
                dependencies.getOrDefault(name, List.of()).stream().filter(bodies::containsKey).forEach(wanted::add);
            }
        }
        return paths;
    }
}
