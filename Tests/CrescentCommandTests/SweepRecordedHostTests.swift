import Foundation
import RunStore
import Sweeps
import Testing
@testable import crescent

/// A sweep's worker reads the machine and the git state of the script's folder once, when it
/// starts, and every trial's run records that (so a trial does not start `git` twice).
@Suite(.serialized) struct SweepRecordedHostTests {
  static func git(_ arguments: [String], in folder: String) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["git", "-C", folder, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"] + arguments
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
  }

  @Test func everyTrialRecordsTheGitStateTheSweepStartedWith() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-sweep-host-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let notes = folder + "/notes.txt"
    let script = folder + "/dirty.lua"
    // Each trial changes a file the repository tracks: from the second trial on, the checkout
    // differs from its commit.
    try """
      local ex = experiment "dirty"
      ex:config { x = 0.5 }
      ex:sweep { x = sweep.uniform(0, 1), objective = "loss", direction = "minimize" }
      ex:main(function(cfg)
        local f = assert(io.open("\(notes)", "a")); f:write("trial\\n"); f:close()
        return { loss = cfg.x }
      end)
      """.write(toFile: script, atomically: true, encoding: .utf8)
    try "notes\n".write(toFile: notes, atomically: true, encoding: .utf8)
    try SweepRecordedHostTests.git(["init", "-q"], in: folder)
    try SweepRecordedHostTests.git(["add", "dirty.lua", "notes.txt"], in: folder)
    try SweepRecordedHostTests.git(["commit", "-q", "-m", "start"], in: folder)
    let commit = try #require(HostInfo.current(scriptFolder: folder).gitCommit)

    let store = folder + "/crescent.db"
    let options = try SweepOptions.parse(["--store", store, "--runs-dir", folder + "/runs", "--trials", "3", "--seed", "1", "--trust"])
    let sweep = try Sweep(script: script, withWords: [], options: options)
    #expect(try sweep.runInProcess(printing: false) == .studyDone)

    #expect(HostInfo.current(scriptFolder: folder).gitDirty == true)  // the trials did change the checkout
    let runs = try RunStore(path: store)
    let trials = try sweep.store.trials(study: sweep.study.id)
    #expect(trials.count == 3)
    for t in trials {
      let id = try #require(t.runID)
      let run = try #require(try runs.run(id: id))
      #expect(run.status == .completed)
      #expect(run.host?.gitCommit == commit)
      #expect(run.host?.gitDirty == false, "trial \(t.number)")
    }
  }
}
