import Tensors

/// The random streams of a shared layer's later applications (a Dropout called on two nodes
/// draws each use's masks from its own stream): what a training checkpoint keeps beside the
/// layer's own, so a resumed fit draws the masks an uninterrupted one would.
extension Graph {
  /// The streams of layer `k`'s applications after its first, in order of use.
  func laterUseStreams(of k: Int) -> [RandomStream] {
    steps.filter { $0.original == k && $0.use > 0 }.sorted { $0.use < $1.use }.compactMap(\.layer.randomStream)
  }

  /// Puts back the streams `laterUseStreams(of:)` gave.
  func restoreLaterUseStreams(of k: Int, _ streams: [RandomStream]) {
    let uses = steps.filter { $0.original == k && $0.use > 0 && $0.layer.randomStream != nil }.sorted { $0.use < $1.use }
    for (step, stream) in zip(uses, streams) { step.layer.restoreRandomStream(stream) }
  }
}
