package org.tandem.bot.slack;

import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.context.builtin.BlockSuggestionContext;
import com.slack.api.bolt.handler.builtin.BlockSuggestionHandler;
import com.slack.api.bolt.request.builtin.BlockSuggestionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.composition.PlainTextObject;
import java.util.List;
import org.tandem.core.places.Geocoder;

/** The place field's external select: towns of the gazetteer whose name starts as typed. */
class PlaceSuggestionHandler implements BlockSuggestionHandler {

  static final int SUGGESTIONS = 20;

  private final Geocoder geocoder;

  PlaceSuggestionHandler(Geocoder geocoder) {
    this.geocoder = geocoder;
  }

  @Override
  public Response apply(BlockSuggestionRequest req, BlockSuggestionContext ctx) {
    String typed = req.getPayload().getValue() == null ? "" : req.getPayload().getValue();
    List<Option> options =
        geocoder.suggest(typed, "LU", SUGGESTIONS).stream()
            .map(
                p ->
                    new Option(
                        new PlainTextObject(BlockKit.cut(p.label(), BlockKit.OPTION_TEXT), false),
                        BlockKit.cut(p.name() + ", " + p.country(), BlockKit.OPTION_VALUE)))
            .toList();
    return ctx.ack(r -> r.options(options));
  }
}
