using Tianxin.Benchmarks;

// bench/run.sh calls: "outbox [events] [seconds]", "relief [entitlements] [seconds]", "load-registry <persons> <sample-dir>" or
// "load-employment <persons> <seekers> <posting-file>".
switch (args.FirstOrDefault())
{
    case "load-registry":
        await RegistryLoad.RunAsync(args[1..]);
        break;
    case "outbox":
        await OutboxBenchmark.RunAsync(args[1..]);
        break;
    case "load-employment":
        await EmploymentLoad.RunAsync(args[1..]);
        break;
    case "relief":
        await ReliefBenchmark.RunAsync(args[1..]);
        break;
    default:
        Console.Error.WriteLine("usage: Tianxin.Benchmarks outbox [events] [seconds] | relief [entitlements] [seconds] | load-registry <persons> <sample-dir> | load-employment <persons> <seekers> <posting-file>");
        return 2;
}
return 0;
