import LuaHost
import RunStore

extension RunExecution {
  /// The status a run that stopped with `error` is recorded with.
  static func status(of error: ScriptError) -> RunStatus {
    switch error.kind {
    case .interrupted: return .interrupted
    case .pruned: return .pruned
    default: return .failed
    }
  }
}

extension RunExecution {
  /// Whether a run ended because its trial was pruned.
  static func isPruned(_ status: RunStatus) -> Bool { status == .pruned }
}
