import FeedConfig
import FeedPipeline
import StoryClustering
import Testing

/// The `[cluster]` table reaches the engine: each key set overrides its default, each key left out keeps it.
@Suite struct StoryStageSettingsTests {
    @Test func everyClusterKeyReachesTheEngine() {
        var config = ClusterSettings()
        config.similarityThreshold = 0.3
        config.windowHours = 48
        config.shortTextMargin = 0.1
        let settings = ClusteringSettings(config)
        #expect(settings.similarityThreshold == 0.3)
        #expect(settings.windowHours == 48)
        #expect(settings.shortTextMargin == 0.1)
        #expect(ClusteringSettings(ClusterSettings()) == ClusteringSettings())
    }
}
