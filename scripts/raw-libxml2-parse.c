#define _GNU_SOURCE
/* The lower bounds for any libxml2-based reader, used by scripts/bench-compare.
 *
 *   raw-libxml2-parse FILE...         parse each file into a tree with the options hansard uses, then free it
 *   raw-libxml2-parse --sax FILE...   parse each file with SAX callbacks that do nothing: no tree is built
 *
 * Nothing is extracted. With --sax, XML keeps libxml2's own document and DTD callbacks, which any reader
 * needs for the entities ParlParse files declare: the document node and its DTD are all that is built.
 * A file is XML when it names publicwhip or starts with an XML declaration (and no <html) in its first
 * 4 KB, or its first element is a historic Hansard root: hansard's own rule (ByteChecks.markupKind). */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const historic_roots[] = {
    "housecommons", "houselords", "westminsterhall", "writtenanswers", "writtenstatements", NULL,
};

static int contains_html_tag(const char *bytes, size_t length) {
    for (size_t i = 0; i + 5 <= length; i++)
        if (bytes[i] == '<' && strncasecmp(bytes + i + 1, "html", 4) == 0) return 1;
    return 0;
}

/* The first element's name, past declarations, comments and a DOCTYPE; NULL when there is none. */
static const char *first_element(const char *at, const char *end) {
    while (at < end) {
        if (*at != '<') { at++; continue; }
        if (at + 1 >= end) return NULL;
        if (at[1] == '?' || at[1] == '!') {
            const char *closing = (end - at >= 4 && strncmp(at + 1, "!--", 3) == 0) ? "-->" : at[1] == '?' ? "?>" : ">";
            const char *found = memmem(at + 1, (size_t)(end - at - 1), closing, strlen(closing));
            if (!found) return NULL;
            at = found + strlen(closing);
            continue;
        }
        return at + 1;
    }
    return NULL;
}

static int is_xml(const char *bytes, size_t length) {
    size_t start = length >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (start < length && isspace((unsigned char)bytes[start])) start++;
    const char *head = bytes + start;
    size_t head_length = length - start < 4096 ? length - start : 4096;
    if (memmem(head, head_length, "<publicwhip", 11)) return 1;
    if (head_length >= 5 && memcmp(head, "<?xml", 5) == 0 && !contains_html_tag(head, head_length)) return 1;
    const char *name = first_element(head, head + head_length);
    if (!name) return 0;
    size_t available = (size_t)(head + head_length - name);
    for (int i = 0; historic_roots[i]; i++) {
        size_t n = strlen(historic_roots[i]);
        if (available > n && memcmp(name, historic_roots[i], n) == 0 && !isalnum((unsigned char)name[n])
            && name[n] != '-' && name[n] != '_' && name[n] != ':')
            return 1;
    }
    return 0;
}

static void start_element(void *context, const xmlChar *name, const xmlChar **attributes) {
    (void)context; (void)name; (void)attributes;
}
static void start_element_ns(void *context, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
    int namespaces, const xmlChar **namespace_list, int attribute_count, int defaulted, const xmlChar **attributes) {
    (void)context; (void)name; (void)prefix; (void)uri; (void)namespaces; (void)namespace_list;
    (void)attribute_count; (void)defaulted; (void)attributes;
}
static void end_element(void *context, const xmlChar *name) { (void)context; (void)name; }
static void end_element_ns(void *context, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
    (void)context; (void)name; (void)prefix; (void)uri;
}
static void characters(void *context, const xmlChar *text, int length) { (void)context; (void)text; (void)length; }
static void reference(void *context, const xmlChar *name) { (void)context; (void)name; }
static void comment(void *context, const xmlChar *text) { (void)context; (void)text; }

int main(int argc, char **argv) {
    const int xml_options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
        | XML_PARSE_COMPACT | XML_PARSE_HUGE;
    const int html_options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
        | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    int sax = argc > 1 && strcmp(argv[1], "--sax") == 0;
    size_t total = 0;
    xmlInitParser();
    for (int i = sax ? 2 : 1; i < argc; i++) {
        FILE *file = fopen(argv[i], "rb");
        if (!file) { perror(argv[i]); return 66; }
        fseek(file, 0, SEEK_END);
        long length = ftell(file);
        fseek(file, 0, SEEK_SET);
        char *bytes = malloc(length > 0 ? (size_t)length : 1);
        if (fread(bytes, 1, (size_t)length, file) != (size_t)length) { perror(argv[i]); return 74; }
        fclose(file);
        int xml = is_xml(bytes, (size_t)length);
        xmlDocPtr document = NULL;
        if (!sax) {
            document = xml ? xmlReadMemory(bytes, (int)length, NULL, NULL, xml_options)
                           : htmlReadMemory(bytes, (int)length, NULL, "UTF-8", html_options);
        } else if (xml) {
            xmlParserCtxtPtr context = xmlNewParserCtxt();
            context->sax->startElementNs = start_element_ns;
            context->sax->endElementNs = end_element_ns;
            context->sax->characters = characters;
            context->sax->ignorableWhitespace = characters;
            context->sax->cdataBlock = characters;
            context->sax->reference = reference;
            context->sax->comment = comment;
            document = xmlCtxtReadMemory(context, bytes, (int)length, NULL, NULL, xml_options);
            xmlFreeParserCtxt(context);
        } else {
            htmlParserCtxtPtr context = htmlNewParserCtxt();
            context->sax->startElement = start_element;
            context->sax->endElement = end_element;
            context->sax->characters = characters;
            context->sax->ignorableWhitespace = characters;
            context->sax->cdataBlock = characters;
            context->sax->comment = comment;
            document = htmlCtxtReadMemory(context, bytes, (int)length, NULL, "UTF-8", html_options);
            htmlFreeParserCtxt(context);
        }
        if (document) xmlFreeDoc(document);
        free(bytes);
        total += (size_t)length;
    }
    printf("%zu\n", total);
    return 0;
}
