// Each collection starts a whole platform; two at once would only compete for the machine's cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
