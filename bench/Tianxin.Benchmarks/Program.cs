using Tianxin.Benchmarks;

// bench/run.sh calls: "outbox [events] [seconds]", "relief [entitlements] [seconds]", "reporting [ingested] [stored]", "load-registry <persons> <sample-dir>" or
// "load-employment <persons> <seekers> <posting-file>", "load-grievance <cases>" or "push-orders <gateway-grpc> <token> <seconds> <callers>".
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
    case "load-grievance":
        await GrievanceLoad.RunAsync(args[1..]);
        break;
    case "push-orders":
        await HotlinePushLoad.RunAsync(args[1..]);
        break;
    case "relief":
        await ReliefBenchmark.RunAsync(args[1..]);
        break;
    case "reporting":
        await ReportingBenchmark.RunAsync(args[1..]);
        break;
    default:
        Console.Error.WriteLine("usage: Tianxin.Benchmarks outbox [events] [seconds] | relief [entitlements] [seconds] | reporting [ingested] [stored] | load-registry <persons> <sample-dir> | load-employment <persons> <seekers> <posting-file> | load-grievance <cases> | push-orders <gateway-grpc> <token> <seconds> <callers>");
        return 2;
}
return 0;
