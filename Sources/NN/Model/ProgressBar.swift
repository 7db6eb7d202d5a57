import Catalog
import Foundation

/// Keras-style progress: on a terminal `Epoch 3/30` then a bar redrawn in place with ETA and
/// running loss; elsewhere (or with verbose 2) one line per epoch.
final class ProgressBar {
  let sink: OutputSink
  let verbose: Int
  let epochs: Int
  let steps: Int
  private var epochStart = Date()
  private var lastDraw = Date.distantPast
  private var live: Bool { verbose == 1 && sink.isTerminal }

  init(_ sink: OutputSink, verbose: Int, epochs: Int, steps: Int) {
    self.sink = sink
    self.verbose = verbose
    self.epochs = epochs
    self.steps = steps
  }

  func beginEpoch(_ epoch: Int) {
    epochStart = Date()
    if live { sink.write("Epoch \(epoch + 1)/\(epochs)\n") }
  }

  func batch(_ step: Int, loss: Double) {
    guard live else { return }
    let now = Date()
    guard now.timeIntervalSince(lastDraw) > 0.1 || step == steps else { return }
    lastDraw = now
    let elapsed = now.timeIntervalSince(epochStart)
    let eta = elapsed / Double(step) * Double(steps - step)
    sink.write("\r\(counter(step)) \(bar(step)) - ETA: \(Self.duration(eta)) - loss: \(Self.format(loss))\u{1B}[K")
  }

  func endEpoch(_ epoch: Int, logs: Logs) {
    guard verbose > 0 else { return }
    let elapsed = Date().timeIntervalSince(epochStart)
    let perStep = elapsed / Double(max(steps, 1))
    let metrics = logs.items.map { "\($0.key): \(Self.format($0.value))" }.joined(separator: " - ")
    let timing = "\(Self.duration(elapsed)) \(Self.stepTime(perStep))/step"
    if live {
      sink.write("\r\(counter(steps)) \(bar(steps)) - \(timing) - \(metrics)\u{1B}[K\n")
    } else {
      sink.write("Epoch \(epoch + 1)/\(epochs) - \(steps) steps - \(timing) - \(metrics)\n")
    }
  }

  private func counter(_ step: Int) -> String {
    let w = String(steps).count
    return String(repeating: " ", count: w - String(step).count) + "\(step)/\(steps)"
  }

  private func bar(_ step: Int) -> String {
    let width = 30
    let done = steps == 0 ? width : width * step / steps
    if done >= width { return "[" + String(repeating: "=", count: width) + "]" }
    return "[" + String(repeating: "=", count: done) + ">" + String(repeating: ".", count: width - done - 1) + "]"
  }

  static func format(_ v: Double) -> String {
    if v.isNaN { return "nan" }
    return String(format: abs(v) >= 1e-3 || v == 0 ? "%.4f" : "%.4e", v)
  }

  static func duration(_ s: Double) -> String { s < 60 ? "\(Int(s.rounded()))s" : "\(Int(s) / 60)m\(Int(s) % 60)s" }

  static func stepTime(_ s: Double) -> String { s >= 1 ? String(format: "%.1fs", s) : s >= 1e-3 ? "\(Int((s * 1000).rounded()))ms" : "\(Int((s * 1e6).rounded()))us" }
}
