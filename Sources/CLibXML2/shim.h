// libxml2's HTML parser and tree API, for extracting article text from web pages.
#ifndef CROSSCHECK_CLIBXML2_SHIM_H
#define CROSSCHECK_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the ICU that Foundation
// bundles. crosscheck never touches the encoding handlers that use ICU types, so they
// are left out of the imported headers.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
