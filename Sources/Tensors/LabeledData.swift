/// Features with their targets, row for row: what training and evaluation consume.
/// Data sets conform, so the training loop needs no knowledge of where data came from.
public protocol LabeledData: AnyObject {
  /// n x d features.
  var features: Tensor { get }
  /// n x L targets (0/1 for multilabel data).
  var targets: Tensor { get }
}
