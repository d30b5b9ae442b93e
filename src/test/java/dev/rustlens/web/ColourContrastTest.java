package dev.rustlens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The stylesheet's text colours against their backgrounds reach WCAG AA's 4.5:1, including the
 * grade chips of grades the browser test's crates do not get (axe-core checks only what a page
 * shows).
 */
@Tag("fast")
class ColourContrastTest {

    private static final double AA = 4.5;
    private static final String STYLESHEET = readStylesheet();

    private static String readStylesheet() {
        try {
            return Files.readString(Path.of("frontend", "rustlens.css"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whiteOnEveryGradeChip() {
        Map<String, String> grades = new LinkedHashMap<>();
        Matcher grade = Pattern.compile("\\.grade-([A-E]) \\{ background: (#[0-9a-f]{6}); }").matcher(STYLESHEET);
        while (grade.find()) {
            grades.put(grade.group(1), grade.group(2));
        }
        assertEquals(5, grades.size(), "grades A to E have a colour: " + grades);
        assertTrue(STYLESHEET.contains(".grade { display: inline-block;") && STYLESHEET.contains("color: #fff;"));
        grades.forEach((name, colour) -> assertContrast("grade " + name, "#ffffff", colour));
    }

    @Test
    void textColoursOnThePageBackgrounds() {
        for (String text : new String[] {"--fg", "--muted", "--ok", "--bad", "--accent"}) {
            for (String background : new String[] {"#ffffff", variable("--bg-soft"), "#fdecea"}) {
                assertContrast(text, variable(text), background);
            }
        }
    }

    private static String variable(String name) {
        Matcher value = Pattern.compile(Pattern.quote(name) + ": (#[0-9a-f]{6});").matcher(STYLESHEET);
        assertTrue(value.find(), name + " is defined");
        return value.group(1);
    }

    private static void assertContrast(String what, String foreground, String background) {
        double ratio = (Math.max(luminance(foreground), luminance(background)) + 0.05)
                / (Math.min(luminance(foreground), luminance(background)) + 0.05);
        assertTrue(ratio >= AA, what + " " + foreground + " on " + background + " is " + ratio + ":1");
    }

    /** WCAG 2's relative luminance of an sRGB colour. */
    private static double luminance(String hex) {
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }
}
