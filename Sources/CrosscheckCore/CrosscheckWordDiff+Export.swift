// The whole-text word diff (tokens, character classes, the diff algorithms and their edit
// scripts) lives in its own Foundation-free module so that the small `crosscheck` launcher
// can run it; the core's users see it as part of the core.
@_exported import CrosscheckWordDiff
