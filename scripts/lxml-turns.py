#!/usr/bin/env python3
"""The simplest reasonable turn extractor for hansard.parliament.uk debate pages, in Python with lxml.

A yardstick for scripts/bench-compare: what a user would write in an afternoon instead of hansard.
For each file: parse with lxml.html, take every <div class="contribution">, its speaker
(.primary-text, .secondary-text), its id and its paragraphs (<p> under .content), and print one
JSON line per page with the turns. No role inference, no columns, no sections.

    scripts/lxml-turns.py corpus/hansard-modern-html/*.html > turns.jsonl
"""
import json
import sys

from lxml import html

CONTRIBUTION = "//div[contains(concat(' ', normalize-space(@class), ' '), ' contribution ')]"


def text(node):
    return " ".join(node.text_content().split())


def turns(path):
    tree = html.parse(path)
    result = []
    for contribution in tree.xpath(CONTRIBUTION):
        name = contribution.xpath(".//*[contains(@class, 'primary-text')]")
        detail = contribution.xpath(".//*[contains(@class, 'secondary-text')]")
        paragraphs = contribution.xpath(".//div[contains(@class, 'content')]//p")
        result.append(
            {
                "speaker": text(name[0]) if name else None,
                "detail": text(detail[0]) if detail else None,
                "contributionId": contribution.get("data-contribution-id"),
                "paragraphs": [text(p) for p in paragraphs],
            }
        )
    return result


def main():
    out = sys.stdout
    for path in sys.argv[1:]:
        out.write(json.dumps({"path": path, "turns": turns(path)}, ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
