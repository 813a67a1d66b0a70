/// The markup readers hansard tries, in order, when it detects a page's format.
/// More specific formats come first: their `recognises` checks are the strictest.
var htmlFormatReaders: [any MarkupFormatReader.Type] {
    [
        HansardPageReader.self,
        HistoricHansardReader.self,
        PublicationsReader.self,
    ]
}

/// The XML readers hansard tries, in order.
var xmlFormatReaders: [any MarkupFormatReader.Type] { [ParlParseReader.self, HistoricHansardXMLReader.self] }
