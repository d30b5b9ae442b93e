package dev.rustlens.scoring;

import java.util.List;

/** A crate's safety score: 100 less its deductions, never below 0, with its grade. */
public record SafetyScore(int score, Grade grade, int formulaVersion, List<Deduction> deductions) {
}
