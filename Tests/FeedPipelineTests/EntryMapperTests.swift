import FeedModel
import Foundation
import Testing
@testable import FeedPipeline

/// What of a parsed item the store keeps: here, the audio or video a podcast or video feed carries.
@Suite struct EntryMapperTests {
    let seen = Date(timeIntervalSince1970: 1_800_000_000)

    func media(_ enclosures: [Enclosure]) -> Enclosure? {
        let item = ParsedEntry(id: "g", title: "Episode", link: "https://pod.example/1", enclosures: enclosures)
        return EntryMapper.entry(from: item, feedID: 1, seenAt: seen).media
    }

    @Test func theFirstWebAudioOrVideoEnclosureIsKept() {
        let cover = Enclosure(url: "https://cdn.example/cover.jpg", type: "image/jpeg")
        let audio = Enclosure(url: "https://cdn.example/ep.mp3", type: "audio/mpeg", length: 1_000)
        let video = Enclosure(url: "https://cdn.example/ep.mp4", type: "video/mp4")
        #expect(media([cover, audio, video]) == audio)
        #expect(media([cover, video, audio]) == video)
        // No type: the file's extension says what it is; a generic type is no verdict either.
        let untyped = Enclosure(url: "https://cdn.example/ep.opus?token=1")
        #expect(media([untyped]) == untyped)
        let generic = Enclosure(url: "https://cdn.example/ep.m4a", type: "application/octet-stream")
        #expect(media([generic]) == generic)
        // Nothing to play: pictures, documents, other schemes.
        #expect(media([cover, Enclosure(url: "https://cdn.example/notes.pdf", type: "application/pdf")]) == nil)
        #expect(media([Enclosure(url: "ftp://cdn.example/ep.mp3", type: "audio/mpeg")]) == nil)
        #expect(media([]) == nil)
    }
}
