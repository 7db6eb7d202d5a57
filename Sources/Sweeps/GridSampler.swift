import Tensors

/// Every combination of the parameters' values, each taken once: the cartesian product of the
/// finite parameters, where a conditional parameter varies only under the values of its parent
/// that activate it (so no combination repeats). The points are visited in an order shuffled by
/// the seed; trial n takes the n-th point unless another trial already holds it (trials can be
/// created out of order by several workers), then the first point no trial holds.
public struct GridSampler: Sampler {
  public let seed: UInt64
  public var name: String { "grid" }

  public init(seed: UInt64) { self.seed = seed }

  /// Every point of the grid (internal form, active parameters only), in the space's order.
  public static func points(of space: SearchSpace) throws -> [[String: Double]] {
    var points: [[String: Double]] = [[:]]
    for p in space.parameters {
      guard let values = p.distribution.finiteValues else {
        throw SweepError("sweep parameter '\(p.key)': grid needs finite values: give uniform a step, or use choice (got \(p.distribution))")
      }
      points = points.flatMap { point -> [[String: Double]] in
        guard space.isActive(p, given: point) else { return [point] }
        return values.map { v in point.merging([p.key: v]) { _, new in new } }
      }
    }
    return points
  }

  /// The grid's points in the order trials take them.
  public func order(of space: SearchSpace) throws -> [[String: Double]] {
    var points = try GridSampler.points(of: space)
    var stream = RandomStream(root: seed, name: "sweep/grid")
    if points.count > 1 {
      for i in stride(from: points.count - 1, to: 0, by: -1) {
        let j = Int(stream.next() % UInt64(i + 1))
        points.swapAt(i, j)
      }
    }
    return points
  }

  public func sample(space: SearchSpace, trials: [TrialRecord], number: Int) throws -> [String: Double] {
    let ordered = try order(of: space)
    // A point is held by a trial whose parameters take the same values (compared as the config sees them).
    func key(_ params: [String: Double]) -> [String: SweepValue] {
      Dictionary(uniqueKeysWithValues: space.values(of: params).map { ($0.key, $0.value) })
    }
    let held = Set(trials.filter { $0.number != number }.map { key($0.params) })
    if number >= 0, number < ordered.count, !held.contains(key(ordered[number])) { return ordered[number] }
    guard let free = ordered.first(where: { !held.contains(key($0)) }) else {
      throw SweepError("the grid's \(ordered.count) points are all taken: trial \(number) has none left")
    }
    return free
  }

  public func capacity(space: SearchSpace) -> Int? {
    try? GridSampler.points(of: space).count
  }
}
