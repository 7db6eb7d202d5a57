/// "Did you mean" suggestions: by edit distance, else by a shared word.
public enum Suggest {
  /// The candidate nearest to `word`, if one is close enough to be a likely typo or names the
  /// same thing with a prefix (`accuracy` for `binary_accuracy`).
  public static func closest(to word: String, among candidates: [String]) -> String? {
    nearest(to: word, among: candidates).first
  }

  /// The candidates nearest to `word` (at most `limit`): those at the smallest edit distance
  /// (ignoring case) when it is small enough to be a typo, else those that have `word` as one of
  /// their `_`-separated words.
  public static func nearest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
    let lowered = word.lowercased()
    if let target = aliases[lowered], candidates.contains(target) || isElsewhere(target) { return [target] }
    let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }
    if let best = scored.map(\.1).min(), best <= max(2, word.count / 3), best < word.count {
      // Close enough to be a typo, and not a replacement of the whole word.
      return Array(scored.filter { $0.1 == best }.map(\.0).prefix(limit))
    }
    guard !lowered.isEmpty else { return [] }
    let sharing = candidates.filter { $0.lowercased().split(separator: "_").contains { $0 == lowered } }
    return Array(sharing.prefix(limit))
  }

  /// Names other libraries use for what Crescent calls otherwise (Keras, PyTorch,
  /// scikit-learn), lowercased, each to Crescent's name: a bare name where the same table holds
  /// it, a qualified one (`optim.LambdaLR`, `Dataset:split`) where it lives elsewhere. Every
  /// suggestion consults it first.
  public static let aliases: [String: String] = [
    "linear": "Dense",
    "roc_auc_score": "roc_auc",
    "f1_score": "f1",
    "precision_score": "precision",
    "recall_score": "recall",
    "accuracy_score": "accuracy",
    "learningratescheduler": "optim.LambdaLR",
    "train_test_split": "Dataset:split",
    "learning_rate": "lr",
    "acc": "accuracy",
    "categorical_accuracy": "accuracy",
    "top_k_categorical_accuracy": "top_k_accuracy",
  ]

  /// A name qualified by its table or type, suggested whatever the candidates.
  public static func isElsewhere(_ name: String) -> Bool { name.contains(".") || name.contains(":") }

  /// ` (did you mean A?)` or ` (did you mean A or B?)` with each name shown by `show`, or "".
  public static func hint(for word: String, among candidates: [String], show: (String) -> String = { "'\($0)'" }) -> String {
    let names = nearest(to: word, among: candidates).map(show)
    guard let last = names.last else { return "" }
    let list = names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
    return " (did you mean \(list)?)"
  }

  /// Levenshtein distance.
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&prev, &cur)
    }
    return prev[b.count]
  }
}
