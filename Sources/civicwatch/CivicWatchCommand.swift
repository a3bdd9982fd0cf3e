import ArgumentParser
import Model

struct CivicWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "civicwatch",
        abstract: "Watch government notice lists, law databases and NGO feeds; alert on new laws and crackdowns.",
        discussion: """
        Example:
          civicwatch check                  # validate feeds.yml
          civicwatch run                    # one pass; run it from cron or the systemd timer
        Exit status: 0 pass completed, 1 completed but some sources failed, 2 usage or config error,
        3 another pass holds the lock.
        """,
        version: CivicWatchVersion.string,
        subcommands: [RunCommand.self, CheckCommand.self, StatusCommand.self, ListCommand.self, HistoryCommand.self, DiffCommand.self,
                      TestSourceCommand.self, ParseCommand.self, EvaluateCommand.self,
                      OutboxCommand.self, TestAlertCommand.self, ReportCommand.self, DemoCommand.self],
        defaultSubcommand: RunCommand.self
    )
}

/// Options shared by the commands that read feeds.yml and the state folder.
struct CommonOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "The configuration file.")
    var config: String = "feeds.yml"

    @Option(help: "The state folder (default: state.dir in the config, else state/ beside the config file).")
    var state: String?

    @Flag(name: [.short, .long], help: "Only errors on stderr.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Log every source's outcome.")
    var verbose = false
}
