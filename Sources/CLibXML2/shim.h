#ifndef HANSARD_CLIBXML2_SHIM_H
#define HANSARD_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, whose headers clash with the copy of ICU inside Foundation
// when one Swift module sees both. hansard never touches the ICU converter fields.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>
#include <string.h>

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

/// The longest replacement text an internal entity may have (MarkupDocument.swift's `maximumEntityLength`).
#define HANSARD_MAXIMUM_ENTITY_LENGTH 32

/// True when an internal entity could multiply text when referenced: its replacement text is longer than
/// HANSARD_MAXIMUM_ENTITY_LENGTH, or it refers to another entity ("&name;" or "%name;"; "&#…;" is a character).
static inline int hansard_entityMultiplies(int type, const xmlChar *content) {
    if (content == NULL) return 0;
    if (type != XML_INTERNAL_GENERAL_ENTITY && type != XML_INTERNAL_PARAMETER_ENTITY) return 0;
    size_t length = strlen((const char *)content);
    if (length > HANSARD_MAXIMUM_ENTITY_LENGTH) return 1;
    for (size_t index = 0; index < length; index++) {
        if (content[index] == '%') return 1;
        if (content[index] == '&' && (index + 1 >= length || content[index + 1] != '#')) return 1;
    }
    return 0;
}

/// Records the declaration as libxml2 would, then stops the parse at the first entity that could multiply.
/// XML_PARSE_HUGE (needed so that a long paragraph is not cut at libxml2's 10,000,000-character text-node
/// limit) also turns off libxml2's own entity-amplification checks; stopping here, while the DTD is being
/// read and before any reference is expanded, takes their place. MarkupDocument.swift then names the entity.
static void hansard_guardedEntityDecl(
    void *context, const xmlChar *name, int type, const xmlChar *publicId, const xmlChar *systemId,
    xmlChar *content) {
    xmlSAX2EntityDecl(context, name, type, publicId, systemId, content);
    if (hansard_entityMultiplies(type, content)) xmlStopParser((xmlParserCtxtPtr)context);
}

static inline void hansard_guardEntityDeclarations(xmlParserCtxtPtr context) {
    if (context != NULL && context->sax != NULL) context->sax->entityDecl = hansard_guardedEntityDecl;
}

#endif
