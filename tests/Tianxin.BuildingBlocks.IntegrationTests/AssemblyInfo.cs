// Two cores: suites that start brokers and databases run one at a time, so timings stay honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
