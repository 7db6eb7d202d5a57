import ArgumentParser
import Experiments
import Foundation
import Sweeps

struct SweepStartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Run trials of a study (the default: `crescent sweep script.lua ...`).",
    discussion: """
      Workers claim trials until the study has --trials finished trials: COMPLETE, PRUNED and \
      FAILED trials all count (a trial fails when its run fails or leaves no objective value: \
      the last value the run logged under the objective's name, else that key of the table \
      main returns). With --workers K, K worker processes run trials at once and this one \
      prints each finished trial and the best so far. `crescent sweep --join STUDY` adds \
      workers to a study from another shell or machine (give the same --store). A worker \
      that dies leaves its trial RUNNING until its heartbeat is --stale-after seconds old; \
      then the next worker that looks for a trial runs it again. Ctrl-C or SIGTERM stops the \
      workers cleanly: their runs are recorded as INTERRUPTED, their trials go back to the queue \
      at once, and running the command again continues the study. A trial's run takes a seed \
      derived from the study's --seed and its number, unless its config or `with` words fix one.
      """
  )

  @Argument(help: "The experiment script (not with --join).") var script: String?
  @Argument(parsing: .captureForPassthrough, help: ArgumentHelp(
    "`with` followed by named configs and key=value overrides that every trial applies.", valueName: "arguments"))
  var arguments: [String] = []
  @OptionGroup var options: SweepOptions

  mutating func validate() throws {
    let split = try OptionWords(arguments, valued: SweepOptions.valued, flags: SweepOptions.flags)
    if split.helpRequested { throw CleanExit.helpRequest(self) }
    if !split.options.isEmpty {
      let later: SweepOptions
      do { later = try SweepOptions.parse(split.options) } catch { throw ValidationError(RunOptions.message(for: error)) }
      options = options.merged(with: later)
    }
    if split.terminated { throw ValidationError("a sweep's trials take no words for the script ('--'): settings go after 'with'") }
    arguments = split.words
    if options.join != nil {
      if let script { throw ValidationError("--join takes its script from the study: leave out '\(script)'") }
      for (name, given) in [("--space", !options.space.isEmpty), ("--objective", options.objective != nil), ("--direction", options.direction != nil),
                            ("--sampler", options.sampler != nil), ("--pruner", options.pruner != nil), ("--seed", options.seed != nil),
                            ("--study", options.study != nil), ("--workers", options.workers != 1)] where given {
        throw ValidationError("\(name): a worker joining a study takes its settings from the study")
      }
    } else if script == nil {
      throw ValidationError("give the experiment script (crescent sweep script.lua), or --join STUDY to add a worker to a study")
    }
    if let first = arguments.first, first != "with" {
      throw ValidationError("a sweep's trials take their settings after 'with' (with epochs=10), got '\(first)'")
    }
  }

  func run() throws {
    do {
      var sweep = try options.join != nil ? Sweep(joining: options) : Sweep(script: script!, withWords: Array(arguments.dropFirst()), options: options)
      try sweep.run()
    } catch let e as SweepError {
      RunExecution.fail(e.message)
    } catch let e as RunExecution.Failure {
      RunExecution.fail(e.message)
    } catch let e as ExitCode {
      throw e
    } catch {
      RunExecution.fail("\(error)")
    }
  }
}
