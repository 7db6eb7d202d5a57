import Catalog
import Tensors

/// What a running fit knows beyond the model and optimizer, for the training checkpoints it
/// writes: the data's sizes, where the shuffling stands, the epochs done, the history so far
/// and the callbacks.
final class FitState {
  let samples: Int
  let trainingSamples: Int
  let batchSize: Int
  let shuffle: Bool
  /// The shuffling stream as the fit's first epoch found it; with `shuffles`, the order of the
  /// samples is replayed from it (a permutation of every sample need not be stored).
  var shuffleOrigin: RandomStream
  var shuffles = 0
  /// Epochs completed, counted as the uninterrupted fit counts them.
  var epoch: Int
  let history: History
  let callbacks: [Callback]
  let randomContext: RandomContext?
  /// Training checkpoints asked for during the current epoch (ModelCheckpoint's), written
  /// once every callback has seen it.
  var requested: [String] = []
  /// The data the fit trains and validates on (features, targets, weights), whose checksum a
  /// checkpoint keeps so that a resume on other data is refused.
  let data: [Tensor]
  lazy var dataDigest: String = TrainingCheckpoint.digest(data)

  init(samples: Int, trainingSamples: Int, batchSize: Int, shuffle: Bool, shuffleOrigin: RandomStream, epoch: Int,
       history: History, callbacks: [Callback], randomContext: RandomContext?, data: [Tensor]) {
    self.samples = samples
    self.trainingSamples = trainingSamples
    self.batchSize = batchSize
    self.shuffle = shuffle
    self.shuffleOrigin = shuffleOrigin
    self.epoch = epoch
    self.history = history
    self.callbacks = callbacks
    self.randomContext = randomContext
    self.data = data
  }
}
