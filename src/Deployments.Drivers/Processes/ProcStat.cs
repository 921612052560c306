using System.Globalization;

namespace Deployments.Drivers.Processes;

/// <summary>The fields of Linux's <c>/proc/[pid]/stat</c> the driver needs (see proc(5)).</summary>
internal sealed record ProcStat(char State, int ProcessGroupId, int SessionId, long StartTicks)
{
    /// <summary>Zombies ('Z') and dead tasks ('X') have exited; only their parent has not reaped them yet.</summary>
    public bool IsDead => State is 'Z' or 'X';

    public static ProcStat? TryRead(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(text);
    }

    /// <summary>
    /// Field 2 is the command name in parentheses and may itself hold spaces and ')', so fields are counted
    /// from the last ')': field 3 (state) is the first after it, so field n sits at index n - 3.
    /// </summary>
    public static ProcStat? Parse(string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        const int StateIndex = 0, ProcessGroupIndex = 2, SessionIndex = 3, StartTimeIndex = 19;
        if (fields.Length <= StartTimeIndex
            || !int.TryParse(fields[ProcessGroupIndex], NumberStyles.Integer, CultureInfo.InvariantCulture, out var group)
            || !int.TryParse(fields[SessionIndex], NumberStyles.Integer, CultureInfo.InvariantCulture, out var session)
            || !long.TryParse(fields[StartTimeIndex], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }

        return new ProcStat(fields[StateIndex][0], group, session, start);
    }
}
