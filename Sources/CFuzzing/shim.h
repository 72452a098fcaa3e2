#ifndef CROSSCHECK_CFUZZING_H
#define CROSSCHECK_CFUZZING_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that keep their own main: it parses the libFuzzer
/// options in argv and calls `callback` with each input. Linked only when the program is
/// built with `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
