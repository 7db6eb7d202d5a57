/// The error that stops a run whose sweep trial was pruned (`run:report`, fit's epoch reports):
/// hosts recognise it by its words, `trial pruned`, and record the run as pruned.
public struct TrialPruned: Error, CustomStringConvertible {
  /// The step the trial reached.
  public let step: Int
  public init(step: Int) { self.step = step }

  /// The words that start its message; hosts recognise a pruned run by them.
  public static let words = "trial pruned"
  public var description: String { "\(TrialPruned.words) at step \(step)" }
}
