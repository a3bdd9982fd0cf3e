import ArgumentParser
import Config
import Foundation
import Logging
import Watcher

/// Exit statuses documented in docs/exit-status.md.
enum Status {
    static let ok: Int32 = 0
    static let someFailed: Int32 = 1
    static let usage: Int32 = 2
    static let locked: Int32 = 3
}

func fail(_ message: String, status: Int32) -> ExitCode {
    FileHandle.standardError.write(Data("civicwatch: \(message)\n".utf8))
    return ExitCode(status)
}

extension CommonOptions {
    func makeLogger() -> Logger {
        let level: Logger.Level = quiet ? .error : (verbose ? .debug : .notice)
        var logger = Logger(label: "civicwatch") { _ in LineLogHandler(level: level) }
        logger.logLevel = level
        return logger
    }

    /// Loads feeds.yml; a file that cannot be used at all ends the command with status 2.
    func loadConfig(logger: Logger) throws -> LoadedConfiguration {
        do {
            let loaded = try ConfigLoader.load(path: config)
            for p in loaded.problems { logger.error("\(p.description) (entry left out)") }
            return loaded
        } catch let e as ConfigFileError {
            throw fail(e.description, status: Status.usage)
        }
    }

    func stateDir(for configuration: Configuration) -> String {
        if let state { return state }
        let base = (configuration.file as NSString).deletingLastPathComponent
        if let dir = configuration.stateDir {
            return dir.hasPrefix("/") ? dir : (base.isEmpty ? dir : (base as NSString).appendingPathComponent(dir))
        }
        return base.isEmpty ? "state" : (base as NSString).appendingPathComponent("state")
    }
}

#if os(Linux)
/// glibc's `mallopt` (malloc.h is not part of the Glibc module).
@_silgen_name("mallopt") private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
#endif

/// Parsing makes hundreds of thousands of small, short-lived allocations; glibc's fast bins then
/// spend a quarter of the work consolidating. Without them parsing a 20 MB feed takes about 25 %
/// less CPU (bench/parse-speed.sh).
/// glibc also gives every thread that allocates its own arena, each with its own free space; two
/// arenas for the transfer thread and the parse workers keep 1 MB less resident than one per
/// thread, at the same CPU (a single arena costs 10 % more CPU in lock waits).
func tuneAllocatorForParsing() {
    #if os(Linux)
    _ = glibcMallopt(1 /* M_MXFAST */, 0)
    _ = glibcMallopt(-8 /* M_ARENA_MAX */, 2)
    #endif
}
