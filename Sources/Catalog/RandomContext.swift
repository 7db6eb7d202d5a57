import Tensors

/// The random streams of one run (a session's): everything random that a script asks for without a seed of
/// its own draws from a stream named after what asked, derived from the run's root seed.
public final class RandomContext {
  public let rootSeed: UInt64
  private var counters: [String: Int] = [:]

  public init(rootSeed: UInt64) { self.rootSeed = rootSeed }

  /// A fresh stream for the next call of `name` (`tensor.randn/1`, `tensor.randn/2`, ...).
  public func nextStream(_ name: String) -> RandomStream {
    let n = (counters[name] ?? 0) + 1
    counters[name] = n
    return RandomStream(root: rootSeed, name: "\(name)/\(n)")
  }

  /// How many streams each name has handed out: with the root seed, where the run's
  /// randomness stands (a training checkpoint keeps it).
  public var positions: [String: Int] { counters }

  /// Moves each name's count forward to at least `positions` (a checkpoint's): a resumed run
  /// hands out the streams the uninterrupted run would have from there on, and never one
  /// this run has already handed out.
  public func advance(to positions: [String: Int]) {
    for (name, n) in positions where n > (counters[name] ?? 0) { counters[name] = n }
  }
}
