import Foundation
import HTTPTypes
import HansardAnalysis
import HansardIngestion
import HansardRegister
import HansardReports
import Hummingbird

/// The request context: forms arrive URL-encoded, as browsers send them.
struct ServeContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }
    var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }
    /// A form is a few fields; nothing a page sends comes near this.
    var maxUploadSize: Int { 256 * 1024 }
}

/// The pages and the writes, over the register.
///
/// Pages are the static report's (index, debate and commitment pages, at the same paths, so the report's relative
/// links work) rendered as they are asked for, plus `search`. Writes are POSTs that call the same register methods
/// as `hansard register resolve|reopen|edit|dismiss|note|confirm|reject`, so they record the same events, and
/// answer with a redirect to the commitment's page (303, so reloading it does not send the form again).
struct Site: Sendable {
    let access: RegisterAccess
    let security: Security
    let configuration: ServeConfiguration

    func addRoutes(to router: Router<ServeContext>) {
        router.get("/") { _, _ in try await index() }
        router.get("/index.html") { _, _ in try await index() }
        router.get("/search") { request, context in try await search(request, context) }
        router.get("/overdue.xml") { _, _ in try await feed() }
        router.get("/debates/:page") { _, context in try await debate(try page(context, "page")) }
        // One parameter name for a page and its forms: the router holds one name per place in the path.
        router.get("/commitments/:id") { _, context in try await commitment(try page(context, "id")) }
        router.post("/commitments/:id/resolve") { request, context in try await resolve(request, context) }
        router.post("/commitments/:id/reopen") { request, context in try await reopen(request, context) }
        router.post("/commitments/:id/edit") { request, context in try await edit(request, context) }
        router.post("/commitments/:id/dismiss") { request, context in try await dismiss(request, context) }
        router.post("/commitments/:id/note") { request, context in try await note(request, context) }
        router.post("/links/:id/confirm") { request, context in try await confirm(request, context) }
        router.post("/links/:id/reject") { request, context in try await reject(request, context) }
    }

    // MARK: Pages

    /// The index: every commitment, or for a register of more than ``ServeConfiguration/listLimit`` its figures
    /// (counted without reading every record), each department's leading to the search for it.
    private func index() async throws -> Response {
        Page.html(
            try await access.read { register in
                let figures = try register.figures(asOf: nil, overdueLimit: HTMLReport.summaryOverdueRows)
                guard figures.counted > configuration.listLimit else {
                    return HTMLReport.indexPage(try ReportData.load(from: register, asOf: nil), extra: Forms.searchLink)
                }
                return HTMLReport.indexPage(figures, extra: Forms.searchLink) { department in
                    department.map(Forms.searchAddress(department:))
                }
            })
    }

    private func feed() async throws -> Response {
        // The register's overdue list gives the feed's entries; nothing else of the register is read.
        let text = try await access.read { register in
            let overdue = try register.commitments(CommitmentQuery(scope: .overdue))
            return OverdueFeed.render(asOf: overdue.asOf, listings: overdue.items)
        }
        var response = Page.html(text)
        response.headers[.contentType] = "application/atom+xml; charset=utf-8"
        return response
    }

    private func search(_ request: Request, _ context: ServeContext) async throws -> Response {
        let form = try request.uri.decodeQuery(as: SearchForm.self, context: context)
        let status = form.status.flatMap { $0.isEmpty ? nil : $0 } ?? CommitmentQuery.Scope.standing.rawValue
        guard let scope = CommitmentQuery.Scope(rawValue: status) else {
            throw ServeFailure(.badRequest, "status \(status) is not one the search offers")
        }
        let filter = CommitmentFilter(text: form.q, scope: scope, department: form.department, minister: form.minister)
        let limit = configuration.listLimit
        return Page.html(
            try await access.read { register in
                // One more than is shown, to know whether there are more; only the shown ones' debates are read.
                var query = filter.query(asOf: nil)
                query.limit = limit + 1
                let found = try register.commitments(query)
                let shown = Array(found.items.prefix(limit))
                let names = try register.names()
                return HTMLReport.searchPage(
                    asOf: found.asOf, filter: filter, listings: shown,
                    debates: try register.context(for: shown).debates, departments: names.departments,
                    ministers: names.ministers, more: found.items.count > limit)
            })
    }

    /// The `name` of `name.html` in the path.
    private func page(_ context: ServeContext, _ parameter: String) throws -> String {
        let file = try context.parameters.require(parameter)
        guard file.hasSuffix(".html") else { throw ServeFailure(.notFound, "no page \(file) here") }
        return String(file.dropLast(5))
    }

    private func debate(_ name: String) async throws -> Response {
        let sources = configuration.sources
        return Page.html(
            try await access.read { register in
                // A page's name is its id: register ids are letters, digits and hyphens (HTML.fileName keeps them).
                let data = try ReportData.load(from: register, debates: [name], commitments: [], asOf: nil)
                guard let debate = data.snapshot.debates.first(where: { HTML.fileName($0.id) == name }) else {
                    throw ServeFailure(.notFound, "the register has no debate \(name)")
                }
                var finder = PageFinder(folders: sources)
                let (transcript, missing) = finder.transcript(of: debate)
                let report = HTMLReport(data)
                return report.debatePage(debate, transcript: transcript, unavailable: missing?.published).contents
            })
    }

    private func commitment(_ name: String) async throws -> Response {
        let (sources, csrf) = (configuration.sources, security.csrfToken)
        return Page.html(
            try await access.read { register in
                let data = try ReportData.load(from: register, debates: [], commitments: [name], asOf: nil)
                guard let commitment = data.snapshot.commitments.first(where: { HTML.fileName($0.id) == name }) else {
                    throw ServeFailure(.notFound, "the register has no commitment \(name)")
                }
                var transcript: Debate?
                var missing: String?
                if let debate = data.snapshot.debates.first(where: { $0.id == commitment.debateId }) {
                    var finder = PageFinder(folders: sources)
                    let found = finder.transcript(of: debate)
                    (transcript, missing) = (found.0, found.unavailable?.published)
                }
                let status = data.listings.first { $0.commitment.id == commitment.id }?.status ?? commitment.status
                let links = data.snapshot.links.filter { $0.commitmentId == commitment.id }
                return HTMLReport.commitmentPage(
                    data, commitment: commitment, transcript: transcript, unavailable: missing,
                    actions: Forms.section(commitment, status: status, links: links, csrf: csrf))
            })
    }

    // MARK: Writes

    /// The form, once its CSRF token is checked.
    private func form<Form: ServeForm>(_ type: Form.Type, _ request: Request, _ context: ServeContext) async throws
        -> Form
    {
        let form = try await request.decode(as: Form.self, context: context)
        try security.checkForm(form)
        return form
    }

    /// The id in the path, when it could be one (register ids are letters, digits and hyphens).
    private func id(_ context: ServeContext) throws -> String {
        let id = try context.parameters.require("id")
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { throw ServeFailure(.notFound, "no commitment or link \(id)") }
        return id
    }

    /// Who the change is recorded as: the form's name, else the server's `--by` or `$HANSARD_USER`, else the
    /// register's default.
    private func actor(_ form: some ServeForm) -> String? { given(form.by) ?? configuration.actor }

    private func given(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    private func backToCommitment(_ id: String, anchor: String? = nil) -> Response {
        .redirect(to: "/commitments/\(HTML.fileName(id)).html" + (anchor.map { "#" + HTML.fileName($0) } ?? ""))
    }

    private func resolution(_ text: String?, field: String) throws -> CommitmentStatus? {
        guard let text = given(text) else { return nil }
        guard let status = CommitmentStatus(rawValue: text), status.isResolution else {
            throw ServeFailure(
                .badRequest, "\(field) \(text) is not fulfilled, partly-fulfilled, withdrawn or lapsed")
        }
        return status
    }

    private func resolve(_ request: Request, _ context: ServeContext) async throws -> Response {
        let (id, form) = (try id(context), try await form(ResolveForm.self, request, context))
        guard let status = try resolution(form.status, field: "status") else {
            throw ServeFailure(.badRequest, "choose what became of the commitment")
        }
        guard let evidence = given(form.evidence) else {
            throw ServeFailure(.badRequest, "evidence needs words or a URL showing what became of the commitment")
        }
        let date = given(form.date)
        if let date, SittingDate(date) == nil {
            throw ServeFailure(.badRequest, "\(date) is not a date; write it as yyyy-MM-dd")
        }
        let (note, actor) = (given(form.note), actor(form))
        let event = try await access.write { register in
            try register.resolve(id, status: status, evidence: evidence, date: date, note: note, actor: actor)
        }
        return backToCommitment(event.commitmentId)
    }

    private func reopen(_ request: Request, _ context: ServeContext) async throws -> Response {
        let (id, form) = (try id(context), try await form(ReopenForm.self, request, context))
        let (note, actor) = (given(form.note), actor(form))
        let event = try await access.write { register in
            try register.reopen(id, note: note, date: nil, actor: actor)
        }
        return backToCommitment(event.commitmentId)
    }

    private func dismiss(_ request: Request, _ context: ServeContext) async throws -> Response {
        let (id, form) = (try id(context), try await form(DismissForm.self, request, context))
        guard let reason = given(form.reason) else {
            throw ServeFailure(.badRequest, "say why this is not a commitment")
        }
        let actor = actor(form)
        let event = try await access.write { register in try register.dismiss(id, reason: reason, actor: actor) }
        return backToCommitment(event.commitmentId)
    }

    private func note(_ request: Request, _ context: ServeContext) async throws -> Response {
        let (id, form) = (try id(context), try await form(NoteForm.self, request, context))
        guard let text = given(form.text) else { throw ServeFailure(.badRequest, "the note is empty") }
        let actor = actor(form)
        let note = try await access.write { register in try register.addNote(id, text: text, actor: actor) }
        return backToCommitment(note.commitmentId)
    }

    /// Sends the register only the fields the form changed, as `register edit` sends only the options given.
    private func edit(_ request: Request, _ context: ServeContext) async throws -> Response {
        let (id, form) = (try id(context), try await form(EditForm.self, request, context))
        if let due = given(form.due), due != "none", SittingDate(due) == nil {
            throw ServeFailure(.badRequest, "due: \(due) is not a date; write it as yyyy-MM-dd, or leave it empty")
        }
        let (reason, actor) = (given(form.reason), actor(form))
        let result = try await access.write { register in
            let current = try register.detail(of: id).commitment
            var values: [CommitmentField: String?] = [:]
            // The form sends every field; an empty one clears it (as `--due none` or an empty --minister does).
            func change(_ field: CommitmentField, _ sent: String?, _ now: String?) {
                guard let sent else { return }
                let value = given(sent).flatMap { field == .dueBy && $0 == "none" ? nil : $0 }
                if value != now { values[field] = .some(value) }
            }
            change(.minister, form.minister, current.speakerName)
            change(.department, form.department, current.department)
            change(.dueBy, form.due, current.dueBy?.description)
            change(.action, form.action, current.action.rawValue)
            change(.object, form.object, current.object)
            change(.timing, form.timing, current.timingPhrase)
            guard !values.isEmpty else {
                throw ServeFailure(.badRequest, "nothing to change: every field is as the register has it")
            }
            return try register.edit(id, values, reason: reason, actor: actor)
        }
        return backToCommitment(result.commitmentId)
    }

    private func confirm(_ request: Request, _ context: ServeContext) async throws -> Response {
        let (id, form) = (try id(context), try await form(LinkForm.self, request, context))
        let (status, actor) = (try resolution(form.status, field: "status"), actor(form))
        let (link, _) = try await access.write { register in try register.confirm(id, status: status, actor: actor) }
        return backToCommitment(link.commitmentId, anchor: link.id)
    }

    private func reject(_ request: Request, _ context: ServeContext) async throws -> Response {
        let (id, form) = (try id(context), try await form(LinkForm.self, request, context))
        let actor = actor(form)
        let link = try await access.write { register in try register.reject(id, actor: actor) }
        return backToCommitment(link.commitmentId, anchor: link.id)
    }
}
