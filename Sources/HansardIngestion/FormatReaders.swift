/// The HTML readers that work on a parsed tree, tried in order when a page's format is detected; more specific formats
/// come first.
///
/// hansard.parliament.uk pages are streamed before these are tried (`HansardPageReader`).
var htmlFormatReaders: [any MarkupFormatReader.Type] { [HistoricHansardReader.self, PublicationsReader.self] }

/// The XML readers that work on a parsed tree; ParlParse files are streamed before (`ParlParseReader`).
var xmlFormatReaders: [any MarkupFormatReader.Type] { [HistoricHansardXMLReader.self] }
