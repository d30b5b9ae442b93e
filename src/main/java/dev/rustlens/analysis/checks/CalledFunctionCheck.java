package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.parser.SyntaxNode;

/**
 * A file check of calls of one function: the query matches the called name, and the whole path
 * as written ({@code mem::forget}, {@code std::mem::forget}, a bare {@code forget}) decides whose
 * function it is.
 */
abstract class CalledFunctionCheck extends FileCheck {

    CalledFunctionCheck(CheckInfo info) {
        super(info);
    }

    @Override
    protected final void onFinding(SyntaxNode call, FileContext file) {
        onCall(CalledPath.of(call, file), call, file);
    }

    /** Handles one call, reporting it when {@code path} names this check's function. */
    abstract void onCall(CalledPath path, SyntaxNode call, FileContext file);
}
