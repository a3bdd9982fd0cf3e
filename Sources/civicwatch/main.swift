import ArgumentParser
import Foundation

// ArgumentParser exits usage errors with 64; our documented status for usage and config errors is 2.
do {
    var command = try CivicWatchCommand.parseAsRoot()
    try command.run()
} catch {
    let code = CivicWatchCommand.exitCode(for: error)
    if code == .success {
        CivicWatchCommand.exit(withError: error)
    }
    if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
    FileHandle.standardError.write(Data((CivicWatchCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
