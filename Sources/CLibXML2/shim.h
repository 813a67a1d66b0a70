#ifndef HANSARD_CLIBXML2_SHIM_H
#define HANSARD_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, whose headers clash with the copy of ICU inside Foundation
// when one Swift module sees both. hansard never touches the ICU converter fields.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// Swift 6 rejects libxml2's global `xmlFree` function pointer as shared mutable state;
/// calling it through an inline function keeps the access in C.
static inline void hansard_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// Silences libxml2's generic error callback for this thread so that recovered
/// errors in malformed pages never reach the user's terminal.
static void hansard_ignoreGenericError(void *context, const char *message, ...) {
    (void)context; (void)message;
}

static inline void hansard_silenceGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, hansard_ignoreGenericError);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

/// An entity loader that refuses every external DTD and entity, so that no file or URL
/// named by a document is ever opened, whatever options a caller passes.
static xmlParserInputPtr hansard_refuseExternalEntity(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

static inline void hansard_installEntityLoader(void) {
    xmlSetExternalEntityLoader(hansard_refuseExternalEntity);
}

#endif
