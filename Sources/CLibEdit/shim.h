#ifndef CROSSCHECK_CLIBEDIT_SHIM_H
#define CROSSCHECK_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <editline/readline.h>

#endif
