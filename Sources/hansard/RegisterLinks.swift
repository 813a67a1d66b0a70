import ArgumentParser
import Foundation
import HansardIngestion
import HansardRegister
import HansardReports

extension Hansard {
    struct RegisterLinks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "links",
            abstract: "List candidate follow-up links waiting to be confirmed or rejected.",
            discussion: """
                Each link joins a commitment to a speech in a later debate: the commitment (its promise, \
                minister, department, debate and citation), the later speech (debate, date, speaker, words), \
                the evidence and a score. Oldest commitments first, then by department, best score first.

                Examples:
                  hansard register links
                  hansard register links | head -20
                """
        )

        @OptionGroup var location: RegisterLocation

        func run() throws {
            let listings = try location.open(readOnly: true).pendingLinkListings()
            if listings.isEmpty { Terminal.write("No candidate follow-up links.\n") }
            let t = TextTable.oneLine
            for (number, listing) in listings.enumerated() {
                let link = listing.link
                let c = listing.commitment
                let later = listing.laterDebate
                var text = number == 0 ? "" : "\n"
                text +=
                    "\(link.id)  score \(String(format: "%.2f", link.score))  \(link.kind.rawValue)"
                    + (link.suggestsFulfilment ? "  (says it was done)" : "") + "\n"
                text +=
                    "  commitment \(c.id)  \(c.debateDate?.description ?? "undated")  "
                    + [c.department, c.speakerName].compactMap { $0.map(t) }.joined(separator: ", ") + "\n"
                text += "    \(t(c.promise))\n    \(t(listing.citation.title)), \(t(listing.citation.text))\n"
                text +=
                    "  later: \(t(later?.title ?? link.debateId)), \(later?.date?.description ?? "undated"), turn \(link.turn)"
                    + (link.speakerName.map { ", \(t($0))" } ?? "") + "\n"
                text += "    \"\(t(link.quote))\"\n    why: \(t(link.evidence))\n"
                Terminal.write(text)
            }
        }
    }

    struct RegisterConfirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: "Confirm a follow-up link; a link that says the thing was done resolves the commitment.",
            discussion: """
                Examples:
                  hansard register confirm L-7cb5f357b6
                  hansard register confirm L-7cb5f357b6 --status partly-fulfilled
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The link's id, as `hansard register links` lists it.", valueName: "link"))
        var link: String

        @Option(help: "Resolve the commitment with this status (default: fulfilled when the speech says it was done).")
        var status: ResolutionStatus?

        @OptionGroup var actor: ActorOption

        func run() throws {
            let (confirmed, event) = try location.open().confirm(link, status: status?.status, actor: actor.name)
            var line = "\(confirmed.id): confirmed"
            if let event { line += "; \(confirmed.commitmentId) \(event.status.rawValue) as of \(event.effectiveDate)" }
            Terminal.write(line + "\n")
        }
    }

    struct RegisterReject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Reject a follow-up link; it is kept as rejected and not proposed again.",
            discussion: """
                Examples:
                  hansard register reject L-7cb5f357b6
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The link's id, or a unique prefix of it.", valueName: "link"))
        var link: String

        @OptionGroup var actor: ActorOption

        func run() throws {
            let rejected = try location.open().reject(link, actor: actor.name)
            Terminal.write("\(rejected.id): rejected\n")
        }
    }
}
