package org.tandem.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import java.util.List;

/**
 * A reply's files (a report's chart and CSV) go into the person's conversation with Tandem through
 * files.uploadV2: a slash command may come from a channel Tandem is not in, and a report is for the
 * person who asked. The inbox (answers) and the outbox (notices) both upload this way; each says,
 * through its {@link Step}, what a failed call means to it.
 */
final class SlackFiles {

  private SlackFiles() {}

  /** Runs one Web API call and returns its ok response, or throws as the caller sees fit. */
  interface Step<E extends Exception> {
    <T extends SlackApiTextResponse> T run(String method, SlackAnswering.SlackCall<T> call)
        throws E;
  }

  static <E extends Exception> void upload(
      MethodsClient api, String userId, List<SlackAnswer.Upload> files, Step<E> step) throws E {
    var im =
        step.run("conversations.open", () -> api.conversationsOpen(q -> q.users(List.of(userId))));
    String channel = im.getChannel().getId();
    step.run(
        "files.uploadV2",
        () ->
            api.filesUploadV2(
                q ->
                    q.channel(channel).uploadFiles(files.stream().map(SlackFiles::file).toList())));
  }

  private static FilesUploadV2Request.UploadFile file(SlackAnswer.Upload f) {
    return FilesUploadV2Request.UploadFile.builder()
        .fileData(f.content())
        .filename(f.name())
        .title(f.title())
        .altTxt(f.image() ? f.title() : null)
        .build();
  }
}
