#define _GNU_SOURCE
/* The lower bound for any libxml2-based reader: parse each file into a tree with the options
 * hansard uses, then free it. Nothing is extracted. Used by scripts/bench-compare. */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_xml(const char *bytes, size_t length) {
    size_t head = length < 4096 ? length : 4096;
    size_t start = 0;
    while (start < head && (bytes[start] == ' ' || bytes[start] == '\n' || bytes[start] == '\r' || bytes[start] == '\t')) start++;
    if (memmem(bytes, head, "<publicwhip", 11)) return 1;
    return head - start >= 5 && memcmp(bytes + start, "<?xml", 5) == 0 && !memmem(bytes, head, "<html", 5);
}

int main(int argc, char **argv) {
    const int xml_options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
    const int html_options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT;
    size_t total = 0;
    xmlInitParser();
    for (int i = 1; i < argc; i++) {
        FILE *file = fopen(argv[i], "rb");
        if (!file) { perror(argv[i]); return 66; }
        fseek(file, 0, SEEK_END);
        long length = ftell(file);
        fseek(file, 0, SEEK_SET);
        char *bytes = malloc(length > 0 ? (size_t)length : 1);
        if (fread(bytes, 1, (size_t)length, file) != (size_t)length) { perror(argv[i]); return 74; }
        fclose(file);
        xmlDocPtr document = is_xml(bytes, (size_t)length)
            ? xmlReadMemory(bytes, (int)length, NULL, NULL, xml_options)
            : htmlReadMemory(bytes, (int)length, NULL, "UTF-8", html_options);
        if (document) xmlFreeDoc(document);
        free(bytes);
        total += (size_t)length;
    }
    printf("%zu\n", total);
    return 0;
}
