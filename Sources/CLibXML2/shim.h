// libxml2 headers for Swift. Debian builds libxml2 with ICU, whose headers clash with
// Foundation's own ICU module, so ICU support is switched off before the other headers.
#ifndef CIVICWATCH_CLIBXML2_SHIM_H
#define CIVICWATCH_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/uri.h>
#include <libxml/encoding.h>

// xmlFree is a function-pointer variable, which Swift imports awkwardly.
static inline void cw_xml_free(void *p) { xmlFree(p); }

static void cw_xml_silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
static void cw_xml_silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
// Parse errors are reported through our own types; libxml2 must not print to stderr.
static inline void cw_xml_silence_errors(void) {
    xmlSetStructuredErrorFunc(NULL, cw_xml_silent_structured);
    xmlSetGenericErrorFunc(NULL, cw_xml_silent_generic);
}
#endif
