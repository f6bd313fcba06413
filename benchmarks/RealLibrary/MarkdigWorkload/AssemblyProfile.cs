// Every method of this assembly is instrumented: Markdig's, compiled from $(MarkdigSource), and ours.
[assembly: HybridProf.Profile]
