package newsdesk.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.platform.NewsroomMetrics;

/** Every failed delivery attempt counts in {@code newsdesk_delivery_failures_total{channel}}. */
@ApplicationScoped
public class DeliveryFailureCount {

    @Inject
    NewsroomMetrics metrics;

    void onFailure(@Observes DeliveryFailed failure) {
        metrics.deliveryFailed(failure.channel());
    }
}
