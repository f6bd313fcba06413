#if NET8_0_OR_GREATER
using System;
using System.Text.Json;

namespace HybridProf.Agent;

/// <summary>
/// One request of docs/agent-protocol.md, read with <see cref="Utf8JsonReader"/> (no
/// reflection, so it works under NativeAOT). Unknown properties are ignored, so newer
/// clients can send more to older agents.
/// </summary>
internal sealed class AgentRequest
{
    public int Version { get; private set; }
    public string Command { get; private set; } = "";
    public string? Mode { get; private set; }
    public int? RateHz { get; private set; }
    public int? Session { get; private set; }
    public int? TrackMs { get; private set; }
    public string? Thread { get; private set; }

    /// <exception cref="FormatException">Not a JSON object with <c>v</c> and <c>cmd</c> of the right types.</exception>
    public static AgentRequest Parse(byte[] body)
    {
        try
        {
            return ParseObject(body);
        }
        catch (JsonException e)
        {
            throw new FormatException("the request is not valid JSON: " + e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader's Get* throw this for a value of the wrong JSON type.
            throw new FormatException("a request property has the wrong type: " + e.Message, e);
        }
    }

    private static AgentRequest ParseObject(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new FormatException("the request must be a JSON object");
        var request = new AgentRequest();
        bool hasVersion = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "v": request.Version = reader.GetInt32(); hasVersion = true; break;
                case "cmd": request.Command = reader.GetString() ?? ""; break;
                case "mode": request.Mode = reader.GetString(); break;
                case "rateHz": request.RateHz = reader.GetInt32(); break;
                case "session": request.Session = reader.GetInt32(); break;
                case "trackMs": request.TrackMs = reader.GetInt32(); break;
                case "thread": request.Thread = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject)
            throw new FormatException("the request object is not closed");
        if (!hasVersion || request.Command.Length == 0)
            throw new FormatException("the request needs \"v\" (protocol version) and \"cmd\"");
        return request;
    }
}
#endif
