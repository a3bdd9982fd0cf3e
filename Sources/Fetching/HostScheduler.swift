/// Decides which waiting request may start next under a global and a per-host limit.
///
/// Requests wait in one FIFO per host; hosts are visited round-robin so that one site with
/// hundreds of pages cannot hold every global slot while other sites wait. Starting a request
/// costs O(number of hosts) at worst, which stays small next to a network round trip.
struct HostScheduler<Item> {
    let concurrency: Int
    let perHost: Int

    private var queues: [String: Queue] = [:]
    private var hosts: [String] = []
    private var cursor = 0
    private var activeByHost: [String: Int] = [:]
    private(set) var active = 0
    private(set) var pending = 0

    private struct Queue {
        var items: [Item] = []
        var head = 0
        var isEmpty: Bool { head == items.count }
        mutating func pop() -> Item {
            let item = items[head]
            head += 1
            if head == items.count { items.removeAll(keepingCapacity: false); head = 0 }
            return item
        }
    }

    init(concurrency: Int, perHost: Int) {
        self.concurrency = max(1, concurrency)
        self.perHost = max(1, perHost)
    }

    var isIdle: Bool { active == 0 && pending == 0 }

    mutating func enqueue(_ item: Item, host: String) {
        if queues[host] == nil {
            queues[host] = Queue()
            hosts.append(host)
        }
        queues[host]!.items.append(item)
        pending += 1
    }

    /// The next request allowed to start, already counted as active; nil when every slot that
    /// could be used is taken.
    mutating func next() -> (item: Item, host: String)? {
        guard active < concurrency, pending > 0, !hosts.isEmpty else { return nil }
        for step in 0..<hosts.count {
            let i = (cursor + step) % hosts.count
            let host = hosts[i]
            guard activeByHost[host, default: 0] < perHost, queues[host]?.isEmpty == false else { continue }
            let item = queues[host]!.pop()
            pending -= 1
            active += 1
            activeByHost[host, default: 0] += 1
            cursor = (i + 1) % hosts.count
            return (item, host)
        }
        return nil
    }

    /// Removes and returns every request not started yet.
    mutating func drain() -> [Item] {
        var items: [Item] = []
        for host in hosts {
            guard var q = queues[host] else { continue }
            while !q.isEmpty { items.append(q.pop()) }
            queues[host] = q
        }
        pending = 0
        return items
    }

    /// Frees the slots held by a request that has ended.
    mutating func finished(host: String) {
        active -= 1
        let n = activeByHost[host, default: 1] - 1
        activeByHost[host] = n > 0 ? n : nil
        if n <= 0, queues[host]?.isEmpty == true {
            // Forget drained hosts so the round-robin scan stays short in long batches.
            queues[host] = nil
            if let i = hosts.firstIndex(of: host) {
                hosts.remove(at: i)
                if cursor > i { cursor -= 1 }
                if cursor >= hosts.count { cursor = 0 }
            }
        }
    }
}
