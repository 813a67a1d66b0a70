import Foundation
import HansardIngestion

extension AnalysisRun {
    // MARK: Requests

    /// The action a member's sentence asks the government to take, if it asks for one.
    func isRequest(_ sentence: String) -> CommitmentAction? {
        if rules.requestExclusions.contains(where: { $0.matches(sentence) }) { return nil }
        for frame in rules.requestFrames {
            for match in frame.allMatches(in: sentence) {
                guard let verb = match.verb else { continue }
                if let matcher = rules.action(at: verb.lowerBound, in: sentence, forRequest: true) { return matcher.action }
                if let action = rules.passiveAction(at: verb.lowerBound, in: sentence) { return action }
            }
        }
        return nil
    }

    func findRequests() -> [Request] {
        var requests: [Request] = []
        var seen: [String: Int] = [:]
        for turn in turns where isMember(turn.index) {
            for sentence in sentences(of: turn) {
                guard let action = isRequest(sentence.text) else { continue }
                let id = uniqueID("r", [identity, "request", TextTools.normalised(sentence.text)], seen: &seen)
                requests.append(
                    Request(
                        id: id, turn: turn.index, speaker: speakerReference(turn), quote: sentence.text, action: action,
                        outcome: .unanswered, answerTurn: governmentReply(after: turn.index), answer: nil, commitment: nil))
            }
        }
        return requests
    }

    /// Decides each request's outcome from its answer, linking or creating the commitment it became.
    func resolveRequests(_ requests: inout [Request], commitments: inout [Commitment], followUps: [FollowUp]) {
        var seen: [String: Int] = [:]
        let anaphor = try? Pattern(
            "\\b(?:request|suggestion|point|proposal|idea|representations?|what\\s+(?:he|she|the\\s+noble\\s+\\w+|the\\s+hon\\.?\\s+\\w+|my\\s+(?:hon\\.?|noble)\\s+\\w+)\\s+(?:has\\s+)?(?:says?|said))\\b",
            rulesPath: rules.rulesPath)
        for index in requests.indices {
            let request = requests[index]
            guard let answerTurn = request.answerTurn else { continue }
            let answerSentences = sentences(of: turns[answerTurn])
            let inAnswer = commitments.indices.filter { commitments[$0].turn == answerTurn }
            // 1. An explicit undertaking to do what was asked.
            if let match = inAnswer.first(where: {
                commitments[$0].action == request.action && commitments[$0].request == nil
            }) {
                commitments[match].request = request.id
                requests[index].outcome = .accepted
                requests[index].answer = Request.Answer(quote: commitments[match].quote)
                requests[index].commitment = commitments[match].id
                continue
            }
            // 2. "Of course." — the request accepted in a word.
            if let acceptance = answerSentences.first(where: { sentence in
                rules.acceptances.contains { $0.matches(sentence.text) }
            }), answerSentences.prefix(2).contains(where: { $0.text == acceptance.text }) {
                // One "Yes, Sir." accepting two requests in a turn is one undertaking.
                if let existing = commitments.first(where: {
                    $0.turn == answerTurn && $0.quote == acceptance.text && $0.source == .acceptedRequest
                }) {
                    requests[index].outcome = .accepted
                    requests[index].answer = Request.Answer(quote: acceptance.text)
                    requests[index].commitment = existing.id
                    continue
                }
                let id = uniqueID(
                    "c", [identity, TextTools.normalised(request.quote), TextTools.normalised(acceptance.text)], seen: &seen)
                let commitment = Commitment(
                    id: id, turn: answerTurn, speaker: speakerReference(turns[answerTurn]), quote: acceptance.text,
                    action: request.action, object: requestedObject(request),
                    subject: subjectKey(requestedObject(request), action: request.action),
                    timing: timing(of: acceptance.text), strength: .firm, source: .acceptedRequest, request: request.id)
                commitments.append(commitment)
                requests[index].outcome = .accepted
                requests[index].answer = Request.Answer(quote: acceptance.text)
                requests[index].commitment = id
                continue
            }
            // 3. Another undertaking in the answer, preferring one that names the request
            // ("I will bear in mind the request"); a minister's undertaking in reply answers the member.
            let unlinked = inAnswer.filter { commitments[$0].request == nil }
            if let match = unlinked.first(where: { anaphor?.matches(commitments[$0].quote) == true }) ?? unlinked.first
                ?? inAnswer.first
            {
                if commitments[match].request == nil { commitments[match].request = request.id }
                requests[index].outcome = .accepted
                requests[index].answer = Request.Answer(quote: commitments[match].quote)
                requests[index].commitment = commitments[match].id
                continue
            }
            if let already = answerSentences.first(where: { sentence in rules.alreadyDoing.contains { $0.matches(sentence.text) } }) {
                requests[index].outcome = .accepted
                requests[index].answer = Request.Answer(quote: already.text)
                continue
            }
            if let decline = answerSentences.first(where: { sentence in rules.declines.contains { $0.matches(sentence.text) } }) {
                requests[index].outcome = .declined
                requests[index].answer = Request.Answer(quote: decline.text)
                continue
            }
            if let evasion = answerSentences.first(where: { sentence in rules.evasions.contains { $0.matches(sentence.text) } }) {
                requests[index].outcome = .evaded
                requests[index].answer = Request.Answer(quote: evasion.text)
                continue
            }
            // 4. The answer points back to an undertaking already given ("the new guidance that I mentioned").
            if let followUp = followUps.first(where: { $0.turn == answerTurn }),
                let earlier = commitments.first(where: { $0.id == followUp.refersTo }), earlier.action == request.action
            {
                requests[index].outcome = .accepted
                requests[index].answer = Request.Answer(quote: followUp.quote)
                requests[index].commitment = earlier.id
                continue
            }
            // Answered, but the request was not taken up.
            requests[index].outcome = .evaded
        }
    }

    func requestedObject(_ request: Request) -> String {
        switch request.action {
        case .write: return "a letter answering \(request.speaker.name ?? "the member")'s points"
        default:
            for frame in rules.requestFrames {
                if let match = frame.firstMatch(in: request.quote), let verb = match.verb {
                    var tail = String(request.quote[verb.upperBound...])
                    if let boundary = rules.objectBoundaries.firstMatch(in: tail) { tail = String(tail[..<boundary.range.lowerBound]) }
                    tail = TextTools.collapseWhitespace(tail).trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:?"))
                    if !tail.isEmpty { return tail }
                }
            }
            return request.action.rawValue
        }
    }
}
