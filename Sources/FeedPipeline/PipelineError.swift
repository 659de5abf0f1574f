import FeedModel

/// Why a pass could not finish. Feed failures are not errors of the pass: they are reported and skipped.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    case digestNotWritten(day: DayStamp, directory: String, reason: String)

    public var description: String {
        switch self {
        case let .digestNotWritten(day, directory, reason):
            "digest \(day) could not be written to \(directory): \(reason)"
        }
    }
}
