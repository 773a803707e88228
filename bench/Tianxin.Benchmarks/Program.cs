using Tianxin.Benchmarks;

// bench/run.sh calls: "outbox [events] [seconds]", "relief [entitlements] [seconds]" or "load-registry <persons> <sample-dir>".
switch (args.FirstOrDefault())
{
    case "load-registry":
        await RegistryLoad.RunAsync(args[1..]);
        break;
    case "outbox":
        await OutboxBenchmark.RunAsync(args[1..]);
        break;
    case "relief":
        await ReliefBenchmark.RunAsync(args[1..]);
        break;
    default:
        Console.Error.WriteLine("usage: Tianxin.Benchmarks outbox [events] [seconds] | relief [entitlements] [seconds] | load-registry <persons> <sample-dir>");
        return 2;
}
return 0;
