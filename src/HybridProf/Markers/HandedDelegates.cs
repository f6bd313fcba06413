using System;
using System.Threading;

namespace HybridProf.Markers;

// One wrapper per delegate shape the hand-over APIs take (HandOff.Wrap): the delegate and the
// node it was handed over under (HandedWork<T>); Run has the delegate's signature. Written out
// per shape because a delegate can only be invoked through its own type without reflection.

internal sealed class HandedAction : HandedWork<Action>
{
    public HandedAction(AsyncNode from, Action work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run()
    {
        var run = Begin();
        try
        {
            Work();
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedAction<T> : HandedWork<Action<T>>
{
    public HandedAction(AsyncNode from, Action<T> work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(T arg)
    {
        var run = Begin();
        try
        {
            Work(arg);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedAction<T1, T2> : HandedWork<Action<T1, T2>>
{
    public HandedAction(AsyncNode from, Action<T1, T2> work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(T1 arg1, T2 arg2)
    {
        var run = Begin();
        try
        {
            Work(arg1, arg2);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedAction<T1, T2, T3> : HandedWork<Action<T1, T2, T3>>
{
    public HandedAction(AsyncNode from, Action<T1, T2, T3> work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(T1 arg1, T2 arg2, T3 arg3)
    {
        var run = Begin();
        try
        {
            Work(arg1, arg2, arg3);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedFunc<TResult> : HandedWork<Func<TResult>>
{
    public HandedFunc(AsyncNode from, Func<TResult> work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public TResult Run()
    {
        var run = Begin();
        try
        {
            return Work();
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedFunc<T, TResult> : HandedWork<Func<T, TResult>>
{
    public HandedFunc(AsyncNode from, Func<T, TResult> work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public TResult Run(T arg)
    {
        var run = Begin();
        try
        {
            return Work(arg);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedFunc<T1, T2, TResult> : HandedWork<Func<T1, T2, TResult>>
{
    public HandedFunc(AsyncNode from, Func<T1, T2, TResult> work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public TResult Run(T1 arg1, T2 arg2)
    {
        var run = Begin();
        try
        {
            return Work(arg1, arg2);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedFunc<T1, T2, T3, TResult> : HandedWork<Func<T1, T2, T3, TResult>>
{
    public HandedFunc(AsyncNode from, Func<T1, T2, T3, TResult> work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public TResult Run(T1 arg1, T2 arg2, T3 arg3)
    {
        var run = Begin();
        try
        {
            return Work(arg1, arg2, arg3);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedFunc<T1, T2, T3, T4, TResult> : HandedWork<Func<T1, T2, T3, T4, TResult>>
{
    public HandedFunc(AsyncNode from, Func<T1, T2, T3, T4, TResult> work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public TResult Run(T1 arg1, T2 arg2, T3 arg3, T4 arg4)
    {
        var run = Begin();
        try
        {
            return Work(arg1, arg2, arg3, arg4);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedWaitCallback : HandedWork<WaitCallback>
{
    public HandedWaitCallback(AsyncNode from, WaitCallback work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(object? state)
    {
        var run = Begin();
        try
        {
            Work(state);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedTimerCallback : HandedWork<TimerCallback>
{
    public HandedTimerCallback(AsyncNode from, TimerCallback work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(object? state)
    {
        var run = Begin();
        try
        {
            Work(state);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedParameterizedThreadStart : HandedWork<ParameterizedThreadStart>
{
    public HandedParameterizedThreadStart(AsyncNode from, ParameterizedThreadStart work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run(object? state)
    {
        var run = Begin();
        try
        {
            Work(state);
        }
        finally
        {
            End(run);
        }
    }
}

internal sealed class HandedThreadStart : HandedWork<ThreadStart>
{
    public HandedThreadStart(AsyncNode from, ThreadStart work) : base(from, work)
    {
    }

#if NET
    [System.Diagnostics.StackTraceHidden] // an exception's trace reads as without HybridProf
#endif
    public void Run()
    {
        var run = Begin();
        try
        {
            Work();
        }
        finally
        {
            End(run);
        }
    }
}
